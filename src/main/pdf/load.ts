import { PDFDocument } from '@cantoo/pdf-lib'

type LoadOptions = NonNullable<Parameters<typeof PDFDocument.load>[1]>

/**
 * Loads a PDF that came from outside. pdf-lib prints what it finds odd in a file straight to the
 * console ("Parsed number that is too large for some PDF readers…", "Trying to parse invalid
 * object…", "Removing parsed object: 0 0 R", and a console.log from its Flate decoder), and has no
 * option to stop it: `capNumbers` only picks which of two warnings is printed, and
 * `warnOnInvalidObjects` covers one of them. Those lines would land in the middle of the command
 * line's output, or the app's log, where a refusal must be one line and nothing of a file's
 * contents belongs. So the console is quietened for the load's duration only, and only for what
 * pdf-lib itself prints (told by the caller's frame): anything else said meanwhile (the load
 * yields to the event loop) still gets through, and the console is restored however it ends.
 */
export async function loadPdf(bytes: Uint8Array, options: LoadOptions): Promise<PDFDocument> {
  return quietPdfLib(() => PDFDocument.load(bytes, options))
}

const METHODS = ['warn', 'log', 'error', 'info'] as const
type Method = (typeof METHODS)[number]

/** How many loads are under way: the console is put back when the last one ends, so overlapping loads cannot leave it quietened. */
let active = 0
let original: Record<Method, (...args: unknown[]) => void> | undefined

async function quietPdfLib<T>(work: () => Promise<T>): Promise<T> {
  if (active++ === 0) {
    const saved = Object.fromEntries(METHODS.map((method) => [method, console[method]])) as Record<Method, (...args: unknown[]) => void>
    original = saved
    for (const method of METHODS) {
      console[method] = (...args: unknown[]) => {
        if (!calledFromPdfLib()) saved[method].apply(console, args)
      }
    }
  }
  try {
    return await work()
  } finally {
    if (--active === 0 && original) {
      for (const method of METHODS) console[method] = original[method]
      original = undefined
    }
  }
}

/** Whether the console was called from pdf-lib's own code: the frame after this one and the replaced method. */
function calledFromPdfLib(): boolean {
  const caller = new Error().stack?.split('\n')[3] ?? ''
  return /[\\/]@cantoo[\\/]pdf-lib[\\/]/.test(caller)
}
