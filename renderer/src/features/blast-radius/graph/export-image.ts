import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';

export type ImageFormat = 'png' | 'svg';

/** "blast-radius-invoice-bot-2026-12-06.png": the subject's name made safe for any file system. */
export function exportFileName(subject: string, date: Date, format: ImageFormat): string {
  const slug =
    subject
      .normalize('NFKD')
      .replace(/[^\w.-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'graph';
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return `blast-radius-${slug}-${day}.${format}`;
}

const PADDING = 40;
/** Canvas size limits differ by browser; beyond this the image is scaled down rather than failing. */
const MAX_SIDE = 8000;

/** The whole graph (not only what is in view), drawn from the xyflow viewport element. */
export async function renderGraphImage(viewport: HTMLElement, nodes: Node[], format: ImageFormat): Promise<Blob> {
  const bounds = getNodesBounds(nodes);
  const scale = Math.min(1, MAX_SIDE / (bounds.width + 2 * PADDING), MAX_SIDE / (bounds.height + 2 * PADDING));
  const width = Math.ceil((bounds.width + 2 * PADDING) * scale);
  const height = Math.ceil((bounds.height + 2 * PADDING) * scale);
  const { x, y, zoom } = getViewportForBounds(bounds, width, height, scale, scale, 0);
  const background = getComputedStyle(document.body).getPropertyValue('--bg-surface').trim() || '#ffffff';
  const options = {
    backgroundColor: background,
    width,
    height,
    // No web fonts to embed: skipping spares reading every stylesheet's @font-face.
    skipFonts: true,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${x}px, ${y}px) scale(${zoom})` },
  };
  if (format === 'png') {
    const dataUrl = await toPng(viewport, { ...options, pixelRatio: scale < 1 ? 1 : 2 });
    const binary = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new Blob([bytes], { type: 'image/png' });
  }
  const dataUrl = await toSvg(viewport, options);
  // The SVG data URL is percent-encoded text; decoding it here keeps fetch (and connect-src) out of it.
  return new Blob([decodeURIComponent(dataUrl.slice(dataUrl.indexOf(',') + 1))], { type: 'image/svg+xml' });
}

/** An <a download> on a blob URL saves the file in Chromium and in Electron alike. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
