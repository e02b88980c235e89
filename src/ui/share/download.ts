/** Save text or a canvas as a file the browser downloads (an object URL, revoked after the click). */

export function saveBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function saveText(filename: string, text: string, mime: string): void {
  saveBlob(filename, new Blob([text], { type: mime }));
}

/** The decision boundary as drawn: the heatmap scaled up smoothly, the points on top, at `size` px. */
export function composeBoundary(
  heat: HTMLCanvasElement,
  dots: HTMLCanvasElement | null,
  size = 600,
): HTMLCanvasElement {
  const out = document.createElement('canvas');
  out.width = size;
  out.height = size;
  const ctx = out.getContext('2d');
  if (!ctx) return out;
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(heat, 0, 0, size, size);
  if (dots && dots.width > 1) ctx.drawImage(dots, 0, 0, size, size);
  return out;
}

export function saveCanvasPng(filename: string, canvas: HTMLCanvasElement): Promise<boolean> {
  return new Promise((resolve) => {
    canvas.toBlob((blob) => {
      if (!blob) return resolve(false);
      saveBlob(filename, blob);
      resolve(true);
    }, 'image/png');
  });
}

/** A short stamp for file names: 2026-11-27-0142. */
export function stamp(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
}
