// cbor-x loads cbor-extract inside try/catch and falls back to JavaScript when it throws.
throw new Error('cbor-extract is not installed: cbor-x decodes in JavaScript')
