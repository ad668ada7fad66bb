import { formatCount, formatCountOf } from '../text/count-text';
import { comparePaths, FOLDER_LIMITS, type FolderLimits, type FolderTally } from './folder-bounds';

const UNREADABLE_WHY = 'the browser was refused access, or it was moved or deleted';

/**
 * What the upload box says of the folders of a drop or pick: per folder, what was read and everything left out
 * (past the cap of files, hidden, too deep, unreadable), never silently.
 * folderNotice([{ root: 'logs', found: 612, read: 500, hiddenFiles: 3, … }])
 *   -> 'logs/: 612 files; the first 500 by path were read, 112 were not (500 at most per drop); 3 hidden files skipped.'
 */
export function folderNotice(tallies: readonly FolderTally[], limits = FOLDER_LIMITS): string | null {
  return tallies.length === 0 ? null : tallies.map((tally) => folderSentence(tally, limits)).join(' ');
}

function folderSentence(tally: FolderTally, limits: FolderLimits): string {
  const name = `${tally.root}/`;
  const others = tally.unreadable.filter((path) => path !== name).sort(comparePaths);
  if (others.length < tally.unreadable.length && tally.found === 0) return `${name} could not be read: ${UNREADABLE_WHY}.`;
  const leftOut = [hiddenClause(tally), deepClause(tally, limits), unreadableClause(others)].filter((clause) => clause !== null);
  const read = tally.found === 0 && leftOut.length === 0 && !tally.isListingCut ? 'no files in it' : readClause(tally, limits);
  return `${name}: ${[read, ...leftOut].join('; ')}.`;
}

function readClause({ found, read, isListingCut }: FolderTally, limits: FolderLimits): string {
  const cap = `${formatCount(limits.files)} at most per drop`;
  if (isListingCut) {
    const listed = `a drop lists ${formatCount(limits.listed)} files and folders at most`;
    if (found === 0) return `not listed (${listed})`;
    const rest = found > read ? `, ${formatCount(found - read)} of those listed were not (${cap})` : '';
    // Not "the first by path": a listing cut short holds the entries the browser gave first, in its own order.
    return `over ${formatCountOf(found, 'file')} (${listed}); ${formatCount(read)} of those listed were read${rest}`;
  }
  if (found === 0) return 'no files read';
  if (read === found) return `${formatCountOf(found, 'file')} read`;
  if (read === 0) return `${formatCountOf(found, 'file')}; none were read (${cap}, taken by the folders before it)`;
  return `${formatCountOf(found, 'file')}; the first ${formatCount(read)} by path were read, ${formatCount(found - read)} were not (${cap})`;
}

function hiddenClause({ hiddenFiles, hiddenFolders }: FolderTally): string | null {
  const parts = [hiddenFiles > 0 ? formatCountOf(hiddenFiles, 'hidden file') : null, hiddenFolders > 0 ? formatCountOf(hiddenFolders, 'hidden folder') : null];
  const named = parts.filter((part) => part !== null);
  return named.length === 0 ? null : `${named.join(' and ')} skipped`;
}

function deepClause({ deepFolders }: FolderTally, limits: FolderLimits): string | null {
  return deepFolders === 0 ? null : `${formatCountOf(deepFolders, 'folder')} more than ${limits.depth} levels deep not opened`;
}

function unreadableClause(paths: readonly string[]): string | null {
  if (paths.length === 0) return null;
  const named = paths.length === 1 ? paths[0] : `${paths[0]} and ${formatCount(paths.length - 1)} more`;
  return `${named} could not be read (${UNREADABLE_WHY})`;
}
