/** Numbers each load, so that only the latest one's answer is shown however the answers arrive. */
export class Latest {
  private seq = 0;

  next(): number {
    this.seq += 1;
    return this.seq;
  }

  is(seq: number): boolean {
    return seq === this.seq;
  }
}
