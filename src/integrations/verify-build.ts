/**
 * The last step of `astro build`: checks the finished site against the content (see
 * src/lib/build/verify-dist.ts) and fails the build on a mismatch. scripts/build.ts builds
 * into a temporary folder, so a failure here leaves the previous dist/ in place.
 * List it after the pagefind integration: hooks run in list order, and the search index
 * must exist before it can be checked.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { verifyDist } from '../lib/build/verify-dist.ts';
import { readFeatures } from '../lib/features/source.ts';

export default function verifyBuild(): AstroIntegration {
  let root = '';
  let base = '/';
  return {
    name: 'zhuanban:verify-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        // Only the draft flag and the date are needed: the frontmatter, not the MDX body.
        const features = readFeatures(`${root}/content/features`, root, { body: false }).map((f) => ({
          slug: f.slug,
          draft: f.data['draft'] === true,
          date: f.data['date'],
        }));
        const problems = verifyDist(fileURLToPath(dir), features, base);
        for (const p of problems.filter((x) => x.severity === 'warning')) logger.warn(`${p.zh} / ${p.en}`);
        const errors = problems.filter((p) => p.severity === 'error');
        if (errors.length) {
          throw new Error(
            `构建结果与稿件不符，构建失败 / the built site does not match the content:\n${errors.map((p) => `  ${p.zh} / ${p.en}`).join('\n')}`,
          );
        }
        logger.info(
          `已核对 ${features.filter((f) => !f.draft).length} 篇已发布稿件：页面、sitemap、搜索索引齐全，最新的在 RSS 里；草稿未外泄 / verified`,
        );
      },
    },
  };
}
