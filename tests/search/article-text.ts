/**
 * The truth the search tests compare against: a feature page's article text as the browser
 * parses it, read with the DOM — not with the indexer's parser (src/lib/search/article.ts),
 * its tokenizer or its folding — by the page markup contract (docs/search.md): the element
 * marked data-pagefind-body, without data-pagefind-ignore furniture, the date note and what is
 * not shown (hidden, closed dialogs and details, scripts); cut into blocks at block-level
 * elements, each block's text as the DOM has it.
 */
import type { Page } from '@playwright/test';
import { gunzipSync } from 'node:zlib';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';

export interface TruthBlock {
  /** heading (h1–h6), caption (figcaption), infobox (inside aside.info-box), or text. */
  kind: 'heading' | 'caption' | 'infobox' | 'text';
  text: string;
}

/** Runs in the browser: the blocks of the article of each page. Self-contained (serialised by Playwright). */
function blocksOfPages(htmls: readonly string[]): TruthBlock[][] {
  return htmls.map((html) => blocksOf(html));

  function blocksOf(html: string): TruthBlock[] {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const body = doc.querySelector('[data-pagefind-body]');
    const BLOCKS = new Set(
      'address article aside blockquote dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul'.split(
        ' ',
      ),
    );
    const UNSEEN = new Set(['script', 'style', 'template', 'noscript', 'svg', 'iframe', 'object', 'head']);
    const blocks: TruthBlock[] = [];
    let text = '';
    let kind: TruthBlock['kind'] = 'text';
    const flush = () => {
      if (text.trim()) blocks.push({ kind, text });
      text = '';
    };
    const skipped = (element: Element) => {
      const parent = element.parentElement;
      return (
        UNSEEN.has(element.localName) ||
        element.hasAttribute('data-pagefind-ignore') ||
        element.hasAttribute('hidden') ||
        element.classList.contains('feature-date-note') ||
        (element.localName === 'dialog' && !element.hasAttribute('open')) ||
        (parent?.localName === 'details' && !parent.hasAttribute('open') && element.localName !== 'summary')
      );
    };
    const walk = (node: Node, inherited: TruthBlock['kind']) => {
      if (node.nodeType === Node.TEXT_NODE) {
        text += node.textContent ?? '';
        return;
      }
      if (node.nodeType !== Node.ELEMENT_NODE) return;
      const element = node as Element;
      if (skipped(element)) return;
      if (element.localName === 'br') {
        text += ' ';
        return;
      }
      let own = inherited;
      if (/^h[1-6]$/u.test(element.localName)) own = 'heading';
      else if (element.localName === 'figcaption') own = 'caption';
      else if (element.matches('aside.info-box')) own = 'infobox';
      if (!BLOCKS.has(element.localName)) {
        for (const child of Array.from(element.childNodes)) walk(child, inherited);
        return;
      }
      flush();
      const outer = kind;
      kind = own;
      for (const child of Array.from(element.childNodes)) walk(child, own);
      flush();
      kind = outer;
    };
    if (body) walk(body, 'text');
    return blocks;
  }
}

/** The article blocks of the pages at `urls` (parsed by the browser), in order. */
export async function articleBlocks(page: Page, urls: readonly string[]): Promise<TruthBlock[][]> {
  const htmls = await Promise.all(urls.map(async (url) => (await page.request.get(url)).text()));
  return htmlBlocks(page, htmls);
}

/** The article blocks of pages given as markup (parsed by the browser), in order. */
export function htmlBlocks(page: Page, htmls: readonly string[]): Promise<TruthBlock[][]> {
  return page.evaluate(blocksOfPages, htmls);
}

/** Page id → feature slug, read from the fragments the indexer wrote into every part of `site`. */
export function slugsByPageId(site: string): Map<string, string> {
  const ids = new Map<string, string>();
  for (const dir of readdirSync(site).filter((name) => /^pagefind(-\d+)?$/u.test(name))) {
    const fragments = path.join(site, dir, 'fragment');
    if (!existsSync(fragments)) continue;
    for (const file of readdirSync(fragments)) {
      const text = gunzipSync(readFileSync(path.join(fragments, file))).toString('utf8');
      const { url } = JSON.parse(text.slice(text.indexOf('{'))) as { url: string };
      ids.set(file.replace(/\.pf_fragment$/u, ''), url.split('/')[2] ?? url);
    }
  }
  return ids;
}
