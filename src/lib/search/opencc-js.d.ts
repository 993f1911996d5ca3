// opencc-js exports its dictionary groups by path ("./*") without types; these are the two we load.
declare module 'opencc-js/from/tw' {
  const dictionaries: readonly import('opencc-js/core').DictGroup[];
  export default dictionaries;
}
declare module 'opencc-js/to/cn' {
  const dictionaries: readonly import('opencc-js/core').DictGroup[];
  export default dictionaries;
}
