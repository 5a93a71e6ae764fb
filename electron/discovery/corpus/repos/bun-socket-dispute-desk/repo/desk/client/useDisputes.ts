import { useEffect, useState } from "react";

export interface DisputeRow {
  id: string;
  merchant: string;
  amount_cents: number;
}

export function useDisputes() {
  const [rows, setRows] = useState<DisputeRow[]>([]);
  useEffect(() => {
    fetch("/api/disputes")
      .then((r) => r.json())
      .then(setRows);
  }, []);
  return rows;
}
