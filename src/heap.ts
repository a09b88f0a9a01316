// V8 settings for the commands that talk to registries, set at start-up,
// before the code they concern runs. V8 reads both flags when it uses them, so
// setting them at run time takes effect; they change speed and memory, never
// results. node:v8 is loaded only here: other commands do not pay for it.
//
// Memory of long blob transfers. Every socket read allocates a buffer that V8
// frees only when it collects the young generation, which by default grows to
// 16 MB semi-spaces: a long transfer then carries tens of MB of dead buffers
// between collections. Holding the young generation at its initial size
// collects them sooner (bench/copy.ts: a 1 GiB copy peaks at about 115 MB
// instead of 166 MB). Computing a content tag keeps the default: it builds
// many long-lived objects, which a small young generation copies over and over.
//
// Exit time. undici parses HTTP/1.1 with llhttp compiled to WebAssembly. V8
// compiles it with its baseline compiler (Liftoff), and once a function has
// run enough, again with its optimizing compiler in the background; a process
// that ends while that compile runs waits for it: some 60 ms at the end of
// every short command here (a repeat copy took about 200 ms). A budget 80
// times V8's default keeps short commands on the baseline code, which parses
// headers and frames body chunks fast enough; long transfers still tier up.

function setFlag(flag: string): void {
  process.getBuiltinModule('node:v8').setFlagsFromString(flag)
}

/** Keeps the young generation from growing: for commands that stream blobs. */
export function holdYoungGenerationSmall(): void {
  setFlag('--semi-space-growth-factor=1')
}

/** WebAssembly (undici's HTTP parser) optimized only after long use. */
export function delayWasmTierUp(): void {
  setFlag('--wasm-tiering-budget=1000000000')
}
