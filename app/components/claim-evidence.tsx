import { Link } from "@remix-run/react";
import { useT } from "../i18n/i18n";
import { formatBytes } from "../lib/format";
import { Content, Interpolated } from "./search-text";

interface Evidence {
  id: number;
  file_name: string;
  byte_size: number;
}

/** A producer's way to a claim's evidence page, with how many files it holds. */
export function ProducerEvidenceLink({ claim }: { claim: { kind: string; id: number; name_zh: string; evidence: readonly Evidence[] } }) {
  const t = useT();
  return (
    <Link to={`/producer/claims/${claim.kind}/${claim.id}/evidence`} aria-label={t("evidence.linkFor", { n: claim.evidence.length, name: claim.name_zh })}>
      {t("evidence.link", { n: claim.evidence.length })}
    </Link>
  );
}

/** Staff's links to open each evidence file of a claim (none: nothing shown). */
export function StaffEvidenceLinks({ evidence }: { evidence: readonly Evidence[] }) {
  const t = useT();
  if (evidence.length === 0) return null;
  return (
    <ul className="plain-list evidence-list">
      {evidence.map((f) => (
        <li key={f.id}>
          <a href={`/staff/evidence/${f.id}`}>
            {/* the file's name is the producer's, in whatever language: it carries its own lang */}
            <Interpolated
              template={t("evidence.download", { name: "{name}", size: formatBytes(f.byte_size) })}
              values={{ name: <Content text={f.file_name} /> }}
            />
          </a>
        </li>
      ))}
    </ul>
  );
}
