import { setFlagsFromString } from 'node:v8'

// A command runs for a second or two: compiling Automerge's WebAssembly a second time, optimised,
// while it runs costs more than the optimised code saves (about 0.8 s of a `case list`'s CPU;
// tests/bench/cli-start.bench.ts). Set before Automerge is first imported, by the command below.
setFlagsFromString('--liftoff-only')

// Output piped into `head` and the like: the reader has what it wanted, so stop quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0)
  throw error
})

// Standard output is the command's answer, which scripts read (--json), and standard error its
// refusals and progress, which people read. automerge-repo writes its own diagnostics with
// console.log ("error waiting for … to be in one of states", "sync with peers threw an exception",
// as a corrected or erased case's old document is let go while it was syncing): on neither, since
// they mean nothing to a person and are not the answer. Homeward's own code never uses console.log.
console.log = () => {}

const { run } = await import('./program')
process.exitCode = await run(process.argv.slice(2))
