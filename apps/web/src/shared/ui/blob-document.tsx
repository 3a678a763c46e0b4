import { useEffect, useState } from 'react';

type Props = { mediaType: string; contentBase64: string; title: string; unsupported: string };

/**
 * Shows a document received as base64 (a PDF in a frame, an image as an image) through a blob: URL made here and
 * revoked on unmount: the bytes are never written anywhere and vanish with the component.
 */
export function BlobDocument({ mediaType, contentBase64, title, unsupported }: Props) {
  const [url, setUrl] = useState<string | undefined>(undefined);
  useEffect(() => {
    const bytes = Uint8Array.from(atob(contentBase64), (c) => c.charCodeAt(0));
    const next = URL.createObjectURL(new Blob([bytes], { type: mediaType }));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [mediaType, contentBase64]);
  if (!url) return null;
  if (mediaType === 'application/pdf') {
    return (
      <iframe className="sb-blob-document" src={`${url}#toolbar=0&navpanes=0`} title={title} data-testid="blob-document" data-kind="pdf" />
    );
  }
  if (mediaType.startsWith('image/'))
    return <img className="sb-blob-image" src={url} alt={title} data-testid="blob-document" data-kind="image" />;
  return <p>{unsupported}</p>;
}
