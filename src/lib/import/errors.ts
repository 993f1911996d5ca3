/** An error an editor can act on: which file, what is wrong, how to fix it — in Chinese and English. */
export class ImportError extends Error {
  readonly file: string;
  readonly zh: string;
  readonly en: string;

  constructor(file: string, zh: string, en: string) {
    super(`${file}: ${zh} / ${en}`);
    this.name = 'ImportError';
    this.file = file;
    this.zh = zh;
    this.en = en;
  }
}
