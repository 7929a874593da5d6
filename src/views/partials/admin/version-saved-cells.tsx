import { formatDate, isoDate } from '../../format.ts';

export interface VersionSavedCellsProps {
  createdAt: number;
  authorName: string;
  note: string;
}

/** A saved version's when, who and why, as three table cells (config and anchor histories). */
export function VersionSavedCells({ createdAt, authorName, note }: VersionSavedCellsProps) {
  return (
    <>
      <td>
        <time datetime={isoDate(createdAt)}>{formatDate(createdAt)}</time>
      </td>
      <td>{authorName}</td>
      <td>{note}</td>
    </>
  );
}
