// A cursor over one HTTP header value, shared by the WWW-Authenticate and
// Link parsers: both read RFC 7230 lists with quoted strings.

/** Base cursor: position, simple reads, and quoted strings (RFC 7230 §3.2.6). */
export class HeaderReader {
  protected readonly s: string
  protected i = 0

  constructor(s: string) {
    this.s = s
  }

  done(): boolean {
    return this.i >= this.s.length
  }

  peek(): string {
    return this.s.charAt(this.i)
  }

  advance(n: number): void {
    this.i += n
  }

  /** Offset of `c` from the cursor, or -1. */
  indexOf(c: string): number {
    const at = this.s.indexOf(c, this.i)
    return at === -1 ? -1 : at - this.i
  }

  take(n: number): string {
    const text = this.s.slice(this.i, this.i + n)
    this.i += text.length
    return text
  }

  skip(re: RegExp): string {
    return this.take(re.exec(this.s.slice(this.i))?.[0].length ?? 0)
  }

  /** A quoted string with `\` escapes; undefined (cursor at the end) when unterminated. */
  quoted(): string | undefined {
    let out = ''
    for (let i = this.i + 1; i < this.s.length; i++) {
      const c = this.s.charAt(i)
      if (c === '"') {
        this.i = i + 1
        return out
      }
      if (c === '\\') i++
      if (i < this.s.length) out += this.s.charAt(i)
    }
    this.i = this.s.length
    return undefined
  }
}
