import { describe, expect, it } from 'vitest';
import { referencedAssetNames } from './asset-links.ts';

// Markup as the build writes it for seed 004's cover (沟赵办事处), cut down.
const page = `<picture><source type="image/avif" srcset="/_astro/photo-1.B4al79Z2_Z1a2b3.avif 360w, /_astro/photo-1.B4al79Z2_Zq9.avif 720w" sizes="100vw">
<img src="/_astro/photo-1.B4al79Z2_1MJJnT.webp" width="720" height="480" alt="沟赵办事处"></picture>
<script type="application/ld+json">{"image":"https://zhuanban.example.cn/_astro/photo-1.B4al79Z2_ogjpeg.jpeg"}</script>
<link rel="stylesheet" href="/_astro/index.Cx7.css"><div style="background:url(/_astro/%E5%9B%BE%E4%B8%80.Dd.png)"></div>`;

describe('referencedAssetNames', () => {
  it('finds every asset a page links to: srcset, src, absolute URLs, url(), percent-encoded names', () => {
    expect([...referencedAssetNames(page, '_astro')].sort()).toEqual([
      '%E5%9B%BE%E4%B8%80.Dd.png',
      'index.Cx7.css',
      'photo-1.B4al79Z2_1MJJnT.webp',
      'photo-1.B4al79Z2_Z1a2b3.avif',
      'photo-1.B4al79Z2_Zq9.avif',
      'photo-1.B4al79Z2_ogjpeg.jpeg',
      '图一.Dd.png',
    ]);
  });

  it('reads the asset folder the site is configured with', () => {
    expect([...referencedAssetNames('<img src="/assets/a.webp">', 'assets')]).toEqual(['a.webp']);
    expect([...referencedAssetNames('<img src="/assets/a.webp">', '_astro')]).toEqual([]);
  });
});
