import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../support/built'

const eslint = new ESLint({ cwd: ROOT })

/** The messages of the layering rule for `code` placed at `filePath`. */
async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'layering/allowed-imports').map((m) => m.message)
}

describe('the layering rules', () => {
  it('keep src/shared free of Node, Electron, the other layers and full Automerge', async () => {
    const file = 'src/shared/example.ts'
    expect(await layeringErrors(file, "import { readFileSync } from 'node:fs'\nreadFileSync")).toHaveLength(1)
    expect(await layeringErrors(file, "import { app } from 'electron'\napp")).toHaveLength(1)
    expect(await layeringErrors(file, "import { openWorkspace } from '../main/core/workspace'\nopenWorkspace")).toHaveLength(1)
    expect(await layeringErrors(file, "import * as A from '@automerge/automerge'\nA")).toHaveLength(1)
    expect(await layeringErrors(file, "import * as A from '@automerge/automerge/slim'\nA")).toEqual([])
    expect(await layeringErrors(file, "import { z } from 'zod'\nz")).toEqual([])
  })

  it('keep the renderer away from main, the server and Node', async () => {
    const file = 'src/renderer/pages/Example.tsx'
    expect(await layeringErrors(file, "import { Workspace } from '../../main/core/workspace'\nWorkspace")).toHaveLength(1)
    expect(await layeringErrors(file, "import { serve } from '../../server/serve'\nserve")).toHaveLength(1)
    expect(await layeringErrors(file, "import { join } from 'node:path'\njoin")).toHaveLength(1)
    expect(await layeringErrors(file, "import { phaseLabel } from '../../shared/case/phases'\nphaseLabel")).toEqual([])
  })

  it('let only the Electron shell import electron', async () => {
    const code = "import { app } from 'electron'\napp"
    expect(await layeringErrors('src/main/core/workspace-example.ts', code)).toHaveLength(1)
    expect(await layeringErrors('src/main/cli/example.ts', code)).toHaveLength(1)
    expect(await layeringErrors('src/server/example.ts', code)).toHaveLength(1)
    expect(await layeringErrors('src/main/electron/example.ts', code)).toEqual([])
    expect(await layeringErrors('src/preload/example.ts', code)).toEqual([])
  })
})
