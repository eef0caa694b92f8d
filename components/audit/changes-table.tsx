/** The fields an audit entry changed, each with its value before and after, side by side. */
export function ChangesTable({ changes, labels }: { changes: { field: string; before: string | null; after: string | null }[]; labels: { field: string; before: string; after: string } }) {
  return (
    <table className="w-full table-fixed text-left text-sm">
      <thead className="text-xs text-slate-500">
        <tr>
          <th scope="col" className="w-1/4 py-1 pr-2 font-medium">
            {labels.field}
          </th>
          <th scope="col" className="py-1 pr-2 font-medium">
            {labels.before}
          </th>
          <th scope="col" className="py-1 font-medium">
            {labels.after}
          </th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.field} className="border-t border-slate-100 align-top">
            <th scope="row" className="break-words py-1 pr-2 text-xs font-normal text-slate-700">
              {c.field}
            </th>
            <td className="break-words py-1 pr-2 text-red-800">{c.before ?? "—"}</td>
            <td className="break-words py-1 text-green-800">{c.after ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
