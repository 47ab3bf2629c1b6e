import { expect, it } from 'vitest'
import { shellOptions } from './shell-options'

const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173/' }

it('in development, loads the dev server named by ELECTRON_RENDERER_URL, with DevTools', () => {
  expect(shellOptions({ isPackaged: false, env })).toEqual({
    rendererUrl: 'http://localhost:5173/',
    devServerOrigin: 'http://localhost:5173',
    devTools: true,
  })
})

it('in development without a dev server, loads the built page', () => {
  expect(shellOptions({ isPackaged: false, env: {} })).toEqual({ rendererUrl: undefined, devServerOrigin: undefined, devTools: true })
  expect(shellOptions({ isPackaged: false, env: { ELECTRON_RENDERER_URL: '' } }).rendererUrl).toBeUndefined()
})

it('installed, ignores ELECTRON_RENDERER_URL and has no DevTools', () => {
  expect(shellOptions({ isPackaged: true, env })).toEqual({ rendererUrl: undefined, devServerOrigin: undefined, devTools: false })
})

it('installed, refuses to start with a remote debugging switch, which no fuse turns off', () => {
  expect(shellOptions({ isPackaged: true, env: {}, argv: ['/opt/Homeward/homeward', '--remote-debugging-port=9222'] }).refusal).toBe(
    'Homeward does not start with --remote-debugging-port.',
  )
  expect(shellOptions({ isPackaged: true, env: {}, argv: ['/opt/Homeward/homeward', '--remote-debugging-pipe'] }).refusal).toBeDefined()
  expect(shellOptions({ isPackaged: true, env: {}, argv: ['/opt/Homeward/homeward'] }).refusal).toBeUndefined()
  expect(shellOptions({ isPackaged: false, env: {}, argv: ['electron', '--remote-debugging-port=9222'] }).refusal).toBeUndefined()
})
