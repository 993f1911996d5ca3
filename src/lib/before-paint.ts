/**
 * The inline script first in every page's <body> (BaseLayout; its hash is in the page's
 * Content-Security-Policy): what must be known before the first paint so the page never
 * jumps, read from localStorage and written as attributes on <html>, again when a page comes
 * back from the back-forward cache after the reader changed something elsewhere:
 *   - the reader's text size (text-size.ts): `data-text-size`, "standard" unless another
 *     step is stored. That it is there at all tells the stylesheet that scripts run;
 *   - whether read-aloud found a Chinese voice on this device before (read-aloud/voice.ts):
 *     `data-voice`, so its row keeps its place from the first paint instead of pushing the
 *     article down when the voices arrive.
 * Storage can throw (private modes, blocked cookies): the page then reads at the standard
 * size, and the read-aloud row appears when the voices do.
 */
import { VOICE_ATTRIBUTE, VOICE_STORAGE_KEY } from './read-aloud/voice.ts';
import { TEXT_SIZE_ATTRIBUTE, TEXT_SIZE_STORAGE_KEY, TEXT_SIZES } from './text-size.ts';

const json = JSON.stringify;

export function beforePaintScript(): string {
  return (
    `(function(d){function a(){var s,v;try{s=localStorage.getItem(${json(TEXT_SIZE_STORAGE_KEY)});` +
    `v=localStorage.getItem(${json(VOICE_STORAGE_KEY)})}catch(e){}` +
    `d.setAttribute(${json(TEXT_SIZE_ATTRIBUTE)},${json(TEXT_SIZES)}.indexOf(s)>0?s:"standard");` +
    `if(v)d.setAttribute(${json(VOICE_ATTRIBUTE)},"")}` +
    `a();addEventListener("pageshow",a)})(document.documentElement)`
  );
}
