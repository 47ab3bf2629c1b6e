import { BrowserWindow } from 'electron'
import { APP_ENTRY_URL } from './app-origin'
import type { ShellOptions } from './shell-options'

/** The one window: sandboxed, isolated, no Node. */
export function createMainWindow(preload: string, { rendererUrl, devTools }: ShellOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 600,
    show: false,
    title: 'Homeward',
    backgroundColor: '#f4f6f7',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
      devTools,
    },
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(rendererUrl ?? APP_ENTRY_URL)
  return window
}
