type Props = { size?: number; className?: string };

/**
 * The Sealbridge mark: a vermilion seal (印) framing a bridge arch. Same drawing as public/favicon.svg.
 * Decorative only — the brand name next to it carries the meaning.
 */
export function BrandMark({ size = 36, className }: Props) {
  return (
    <svg className={className} width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect x="2" y="2" width="60" height="60" rx="12" fill="#b8322a" />
      <rect x="8" y="8" width="48" height="48" rx="7" fill="none" stroke="#fff" strokeWidth="2.5" opacity="0.9" />
      <path d="M14 42 Q32 14 50 42" fill="none" stroke="#fff" strokeWidth="4.5" strokeLinecap="round" />
      <path d="M12 42 H52" stroke="#fff" strokeWidth="4" strokeLinecap="round" />
      <path d="M22 42 V32.5 M32 42 V28 M42 42 V32.5" stroke="#fff" strokeWidth="3" strokeLinecap="round" />
      <path d="M16 49 H48" stroke="#fff" strokeWidth="2.5" strokeLinecap="round" opacity="0.75" />
    </svg>
  );
}
