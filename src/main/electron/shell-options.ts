/**
 * What the Electron shell allows in development and what it allows in an installed app. Pure, so
 * it is tested in Node. An installed app ignores ELECTRON_RENDERER_URL: anything able to set an
 * environment variable could otherwise point the window, and its bridge to the core, at a page of
 * its own.
 */
export interface ShellOptions {
  /** The dev server's page to load instead of the built one, in development only. */
  rendererUrl: string | undefined
  /** That page's origin, the only one besides the app's own that may talk to the core. */
  devServerOrigin: string | undefined
  /** DevTools would give whoever sits at the window a console inside the app. */
  devTools: boolean
  /**
   * Why an installed app will not start with these arguments: Chromium's remote debugging switches
   * (no fuse turns them off) would let another program on the computer drive the window and read
   * the caseload through it.
   */
  refusal?: string
}

const DEBUGGING_SWITCHES = /^--(remote-debugging-port|remote-debugging-pipe|remote-allow-origins)(=|$)/

export function shellOptions({ isPackaged, env, argv = [] }: { isPackaged: boolean; env: Record<string, string | undefined>; argv?: readonly string[] }): ShellOptions {
  if (isPackaged) {
    const debugging = argv.find((argument) => DEBUGGING_SWITCHES.test(argument))
    return { rendererUrl: undefined, devServerOrigin: undefined, devTools: false, ...(debugging ? { refusal: `Homeward does not start with ${debugging.split('=')[0]}.` } : {}) }
  }
  const rendererUrl = env.ELECTRON_RENDERER_URL || undefined
  return { rendererUrl, devServerOrigin: rendererUrl ? new URL(rendererUrl).origin : undefined, devTools: true }
}
