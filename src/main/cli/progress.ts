/**
 * A progress line on stderr. On a terminal it is redrawn in place (`\r`) and always ends with a
 * line break, even when the command fails part way, so the shell's prompt or the error starts on a
 * line of its own. Written to a file or a pipe, where `\r` redraws nothing and every update would
 * run into one line, the updates are left out and only what `end` says is printed, as a whole line.
 */
export function progressLine(stream: NodeJS.WriteStream = process.stderr) {
  let shown = false
  return {
    show(text: string): void {
      if (!stream.isTTY) return
      stream.write(`\r${text}\x1b[K`)
      shown = true
    },
    /** Ends the line: with `text` in place of the progress, or (after a failure) as it stands. */
    end(text?: string): void {
      if (text !== undefined) stream.write(stream.isTTY ? `\r${text}\x1b[K\n` : `${text}\n`)
      else if (shown) stream.write('\n')
      shown = false
    },
  }
}
