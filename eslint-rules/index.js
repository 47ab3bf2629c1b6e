// @ts-check
/** The project's own lint rules: the layering of src/ and its import graph. */
import allowedImports from './allowed-imports.js'
import noCycle from './no-cycle.js'

export default {
  meta: { name: 'layering' },
  rules: { 'allowed-imports': allowedImports, 'no-cycle': noCycle },
}
