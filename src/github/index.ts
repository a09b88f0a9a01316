// Entry of the bundled action (dist/github/index.js): all logic is in run().
import { run } from './main.js'

await run()
