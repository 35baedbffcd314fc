import type { ReactNode } from "react";

/** A titled panel on a dashboard page. */
export function Card({
  title,
  children,
  testId,
}: {
  title: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section className="card" data-testid={testId}>
      <h2>{title}</h2>
      <div className="value">{children}</div>
    </section>
  );
}
