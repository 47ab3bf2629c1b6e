import { describe, expect, it } from 'vitest'
import { progressLine } from './progress'

function terminal(isTTY: boolean) {
  const written: string[] = []
  const stream = { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream
  return { stream, text: () => written.join('') }
}

describe('a progress line', () => {
  it('on a terminal, is redrawn in place and ends with a line break, even when the command fails part way', () => {
    const tty = terminal(true)
    const progress = progressLine(tty.stream)
    progress.show('Seeded 250 of 500 cases')
    progress.end()
    expect(tty.text()).toBe('\rSeeded 250 of 500 cases\x1b[K\n')
  })

  it('on a terminal, is replaced by its last line', () => {
    const tty = terminal(true)
    const progress = progressLine(tty.stream)
    progress.show('Seeded 3 of 3 cases')
    progress.end('Seeded 3 cases')
    expect(tty.text()).toBe('\rSeeded 3 of 3 cases\x1b[K\rSeeded 3 cases\x1b[K\n')
  })

  it('to a file or a pipe, writes only its last line, whole', () => {
    const file = terminal(false)
    const progress = progressLine(file.stream)
    progress.show('Making the pack: 1 of 4 parts')
    progress.end()
    progressLine(file.stream).end('Seeded 3 cases')
    expect(file.text()).toBe('Seeded 3 cases\n')
  })
})
