/**
 * The MDX parser's errors, said to an editor. The parser (micromark) names the place it
 * noticed the problem, which is not always where the editor must look: a misspelled opening
 * tag is noticed at the closing one. The common cases get a Chinese explanation and, where
 * the parser's message names it, the line to fix; any other error keeps the parser's words.
 */
import { COMPONENT_NAMES, isComponentName } from '../components.ts';
import type { Diagnostic } from '../diagnostic.ts';
import { nearest } from '../nearest.ts';
import type { FeatureText } from './feature.ts';

interface Explained {
  line?: number;
  zh: string;
}

const ESCAPE = '正文里要显示 < { } 时写成 \\< \\{ \\}';

function suggest(name: string): string {
  const near = nearest(name, COMPONENT_NAMES).filter((c) => c !== name);
  return near.length ? `是不是 <${near.join('>、<')}>？` : '';
}

function explain(reason: string): Explained | undefined {
  let m = /^Unexpected closing tag `<\/([^>]*)>`, expected corresponding closing tag for `<([^>]*)>` \((\d+):/.exec(
    reason,
  );
  if (m) {
    const [, closing = '', opening = '', line] = m;
    // Fix the name that is not a component: usually the one the editor mistyped.
    const openingKnown = isComponentName(opening);
    return {
      ...(openingKnown ? {} : { line: Number(line) }),
      zh: `开始标签 <${opening}>（第 ${line} 行）和结束标签 </${closing}> 不一致。${openingKnown ? suggest(closing) : suggest(opening)}两处要写同一个组件名，注意大小写`,
    };
  }
  m = /^Expected a closing tag for `<([^>]*)>` \((\d+):/.exec(reason);
  if (m) {
    const [, name = '', line] = m;
    return {
      line: Number(line),
      zh: `<${name}> 没有结束：单独一个的组件以 /> 结尾（如 <Figure … />），包住正文的组件要在后面写 </${name}>`,
    };
  }
  if (reason.startsWith('Unexpected closing slash `/` in tag, expected an open tag first'))
    return { zh: '这里有一个多余的结束标签 </…>：前面没有对应的开始标签，请删去或补上开始标签' };
  if (reason.includes('expected a corresponding closing brace for `{`'))
    return { zh: `这里的 { 没有配对的 }：${ESCAPE}；注释写成 {/* … */}` };
  if (reason.startsWith('Unexpected character `!` (U+0021) before name'))
    return { zh: 'HTML 注释 <!-- … --> 不能用：注释写成 {/* … */}' };
  if (
    /before name, expected a character that can start a name|^Unexpected end of file in name|in name, expected a name character/.test(
      reason,
    )
  )
    return { zh: `这里的 < 被当成了组件的开始：${ESCAPE}` };
  if (/in attribute name|before attribute value|in attribute value|after attribute name/.test(reason))
    return { zh: '组件的属性写法有误：写成 名称="文字"，文字里的引号用全角“”，不要用英文双引号' };
  if (/Could not parse (?:import\/exports|expression) with acorn/.test(reason))
    return { zh: `这里像是代码（import、export 或 {…}）：稿件里不能写代码，${ESCAPE}` };
  return undefined;
}

export function mdxSyntaxError(feature: FeatureText): Diagnostic | undefined {
  const error = feature.parseError;
  if (!error) return undefined;
  const explained = explain(error.reason);
  const line = explained?.line ?? error.line;
  return {
    file: feature.file,
    line,
    ...(error.column && line === error.line ? { column: error.column } : {}),
    severity: 'error',
    code: 'mdx-syntax',
    zh: `正文不是有效的 MDX：${explained?.zh ?? `${error.reason}。常见原因：标签没有闭合，或${ESCAPE}`}`,
    en: `the body is not valid MDX: ${error.reason}`,
  };
}
