const integer = new Intl.NumberFormat('en-US');

/** A count with its thousands grouped, the same in every locale: formatCount(104857600) -> '104,857,600'. */
export const formatCount = (n: number): string => integer.format(n);

/** formatCountOf(1, 'hit') -> '1 hit'; formatCountOf(1200, 'hit') -> '1,200 hits' */
export const formatCountOf = (n: number, noun: string, plural = `${noun}s`): string => `${formatCount(n)} ${n === 1 ? noun : plural}`;
