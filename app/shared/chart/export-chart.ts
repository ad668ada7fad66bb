const SVG_NS = 'http://www.w3.org/2000/svg';
const INLINED = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'opacity', 'font-family', 'font-size', 'font-weight'] as const;

/**
 * A standalone copy of a rendered chart: colours that came from CSS variables (light or dark theme) are
 * written into the elements, a background and the title are added, so the file looks like the screen.
 */
export function toStandaloneSvg(figure: HTMLElement, title: string): { svg: string; width: number; height: number } | null {
  const source = figure.querySelector<SVGSVGElement>('svg.recharts-surface');
  if (!source) return null;
  const { width, height } = source.getBoundingClientRect();
  const clone = source.cloneNode(true) as SVGSVGElement;
  const from = [source, ...Array.from(source.querySelectorAll('*'))];
  const to = [clone, ...Array.from(clone.querySelectorAll('*'))];
  from.forEach((element, i) => {
    const target = to[i];
    if (!target) return;
    const style = getComputedStyle(element);
    for (const property of INLINED) {
      const value = style.getPropertyValue(property);
      if (value) target.setAttribute(property, value);
    }
    // Inline styles may still name CSS variables, which mean nothing outside the page: computed values replace them.
    target.removeAttribute('class');
    target.removeAttribute('style');
  });
  const titleHeight = 28;
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height + titleHeight));
  clone.setAttribute('viewBox', `0 ${-titleHeight} ${width} ${height + titleHeight}`);
  const page = getComputedStyle(figure);
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('x', '0');
  background.setAttribute('y', String(-titleHeight));
  background.setAttribute('width', String(width));
  background.setAttribute('height', String(height + titleHeight));
  background.setAttribute('fill', page.backgroundColor || '#ffffff');
  const heading = document.createElementNS(SVG_NS, 'text');
  heading.setAttribute('x', '8');
  heading.setAttribute('y', String(-titleHeight / 2 + 5));
  heading.setAttribute('fill', page.color || '#000000');
  heading.setAttribute('font-family', page.fontFamily);
  heading.setAttribute('font-size', '14');
  heading.setAttribute('font-weight', '600');
  heading.textContent = title;
  clone.prepend(background, heading);
  return { svg: new XMLSerializer().serializeToString(clone), width, height: height + titleHeight };
}

/** Render the standalone SVG to a PNG at twice the CSS size, for sharp images on any screen. */
export async function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * 2);
    canvas.height = Math.round(height * 2);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw to a canvas');
    context.scale(2, 2);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
