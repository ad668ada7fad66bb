const integer = new Intl.NumberFormat('en-US');

/** A count with its thousands grouped, the same in every locale: formatCount(104857600) -> '104,857,600'. */
export const formatCount = (n: number): string => integer.format(n);
