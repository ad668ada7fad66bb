import { joinNotices } from './dropped-files';

/**
 * What the upload zone says of the drops and picks it was given. While a folder is walked, the words of every drop
 * or pick since are kept together, so that a walk ending first does not take away what a later drop or pick left
 * out, nor the reverse; once no walk is left, the next drop or pick starts afresh.
 */
export class UploadNotices {
  private readonly walking = new Map<number, string>();
  private said: (string | null)[] = [];
  private nextWalk = 0;

  constructor(private readonly show: (notice: string | null) => void) {}

  /** The words of a drop or pick read at once (null: nothing to say). */
  say(words: string | null): void {
    this.startTurn();
    this.said.push(words);
    this.render();
  }

  /** A folder walk begins, said as `Reading {what}…` until the function returned is given its words. */
  beginWalk(what: string): (words: string | null) => void {
    this.startTurn();
    const id = this.nextWalk++;
    this.walking.set(id, what);
    this.render();
    return (words) => {
      if (!this.walking.delete(id)) return;
      this.said.push(words);
      this.render();
    };
  }

  private startTurn(): void {
    if (this.walking.size === 0) this.said = [];
  }

  private render(): void {
    this.show(joinNotices(...this.said, this.walking.size === 0 ? null : `Reading ${[...this.walking.values()].join(', ')}…`));
  }
}
