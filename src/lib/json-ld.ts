/**
 * Structured data (schema.org JSON-LD) for search engines and link previews.
 *
 * Built from plain values so it can be tested without Astro; SeoHead.astro passes the
 * feature's fields in and prints serializeJsonLd()'s output in a <script> element.
 */
import type { FeatureDate } from './feature-date.ts';

export interface NewsArticleInput {
  /** The feature's canonical URL. */
  url: string;
  title: string;
  kicker?: string | undefined;
  subtitle?: string | undefined;
  summary: string;
  date: FeatureDate;
  bylines: readonly { name: string; role: string }[];
  office: string;
  city: string;
  district: { name: string; fullName: string };
  /** Topic names, as readers see them. */
  topics: readonly string[];
  image?:
    | {
        url: string;
        width: number;
        height: number;
        alt: string;
        caption?: string | undefined;
        /** Who took the photo, e.g. 本报记者 李雪婷 摄. */
        credit?: string | undefined;
        /** A placeholder is not the printed photo, so it carries no credit. */
        placeholder: boolean;
      }
    | undefined;
  source?: { newspaper: string; page?: string | undefined } | undefined;
  /** This site, the publisher of the web edition. */
  site: { name: string; url: string };
}

type JsonLd = Record<string, unknown>;

/** A schema.org NewsArticle for a feature page. */
export function newsArticleJsonLd(input: NewsArticleInput): JsonLd {
  const alternativeHeadline = [input.kicker, input.subtitle].filter(Boolean).join(' ');
  const place = {
    '@type': 'Place',
    name: input.office,
    containedInPlace: {
      '@type': 'AdministrativeArea',
      name: input.district.fullName,
      alternateName: input.district.name,
      containedInPlace: { '@type': 'City', name: input.city },
    },
  };
  const image = input.image && {
    '@type': 'ImageObject',
    url: input.image.url,
    contentUrl: input.image.url,
    width: input.image.width,
    height: input.image.height,
    description: input.image.alt,
    ...(input.image.caption && { caption: input.image.caption }),
    ...(!input.image.placeholder &&
      input.image.credit && { creditText: input.image.credit, copyrightNotice: input.image.credit }),
  };
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': `${input.url}#article`,
    url: input.url,
    mainEntityOfPage: input.url,
    headline: input.title,
    ...(alternativeHeadline && { alternativeHeadline }),
    description: input.summary,
    // schema.org Date accepts ISO 8601 "2019", "2019-07" and "2019-07-01": only as precise as known.
    datePublished: input.date.iso,
    inLanguage: 'zh-CN',
    ...(input.bylines.length > 0 && {
      author: input.bylines.map((byline) => ({ '@type': 'Person', name: byline.name, jobTitle: byline.role })),
    }),
    ...(image && { image }),
    ...(input.source && {
      isPartOf: { '@type': 'Newspaper', name: input.source.newspaper },
      ...(input.source.page && { printPage: input.source.page }),
    }),
    publisher: { '@type': 'Organization', name: input.site.name, url: input.site.url },
    about: [
      { '@type': 'GovernmentOrganization', name: input.office, location: place },
      ...input.topics.map((name) => ({ '@type': 'Thing', name })),
    ],
    contentLocation: place,
    ...(input.topics.length > 0 && { keywords: input.topics.join(',') }),
  };
}

/** A schema.org WebSite for the home page. */
export function webSiteJsonLd(site: { name: string; url: string; description: string }): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: site.name,
    url: site.url,
    description: site.description,
    inLanguage: 'zh-CN',
  };
}

/**
 * JSON for a <script type="application/ld+json"> element. `<`, `>` and `&` are escaped as
 * \u003c… so no string in the content can close the element (`</script>`) or open a comment,
 * and U+2028/U+2029 so the text is also valid JavaScript. JSON parsers read the escapes back.
 */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
