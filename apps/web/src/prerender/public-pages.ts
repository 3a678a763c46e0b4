/**
 * Server-rendered HTML of the public pages (`/`, `/listings`, `/listings/:code`, `/privacy`, `/privacy/transparency`) in zh-CN, the
 * default language: the API puts it inside <div id="root"> so the content shows before any script runs, and the
 * SPA takes over on the visitor's first interaction (app/main.tsx). Plain TypeScript without JSX or DOM, so the API
 * process runs it as it is; the texts are the SPA's own (locales/zh-CN.ts). It shows exactly what the public API
 * answers — teasers — and nothing else (ADR 0016, addendum).
 */
import type {
  TListingTeaser,
  TListingTeaserDetail,
  TListTeasersResponse,
  TMarketStats,
  TTransparencyReport,
  TTransparencyReportList,
} from '@sealbridge/contracts';
import { zhCN } from '../locales/zh-CN.ts';

/** What the renderer may read: the public API's own answers, through the services that produce them. */
export type PublicPageData = {
  search(params: Record<string, string>): Promise<TListTeasersResponse>;
  /** The public teaser detail, or null when no published listing has that code (same answer as the API's 404). */
  publicListing(code: string): Promise<TListingTeaserDetail | null>;
  marketStats(): Promise<TMarketStats>;
  /** The published transparency reports (drafts are never in it). */
  transparencyReports(): Promise<TTransparencyReportList>;
  /** One published quarter's report, or null (a draft and a missing quarter answer alike, as the API's 404). */
  transparencyReport(period: string): Promise<TTransparencyReport | null>;
};

export type PublicPage = { title: string; description: string; html: string };

const ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for element content and quoted attribute values. */
export const esc = (value: string | number): string => String(value).replace(/[<>&"']/g, (c) => ESCAPES[c] ?? c);

const t = zhCN;
const title = (page: string): string => `${page} — ${t.brand.titleSuffix}`;
const FEATURED_COUNT = 6;

function header(active: 'home' | 'listings' | 'privacy' | null): string {
  const nav = (
    [
      ['home', '/', t.nav.home],
      ['listings', '/listings', t.nav.listings],
      ['privacy', '/privacy', t.nav.privacy],
    ] as const
  )
    .map(([key, href, label]) => `<a href="${href}"${key === active ? ' class="is-active" aria-current="page"' : ''}>${esc(label)}</a>`)
    .join('');
  return `<header class="sb-pre-header"><div class="sb-pre-container sb-pre-header-inner">
<a class="sb-pre-brand" href="/" aria-label="${esc(t.brand.homeLink)}"><span class="sb-pre-brand-name">${esc(t.brand.name)}</span><span class="sb-pre-brand-latin">${esc(t.brand.latin)}</span></a>
<nav class="sb-pre-nav" aria-label="${esc(t.nav.label)}">${nav}</nav>
<div class="sb-pre-actions"><button type="button" class="sb-pre-lang" data-sb-locale="en" lang="en" title="${esc(t.lang.switchLabel)}">${esc(t.lang.switchTo)}</button>
<a class="sb-pre-register" href="/register">${esc(t.nav.register)}</a><a class="sb-pre-login" href="/login">${esc(t.nav.login)}</a></div>
</div></header>`;
}

function footer(): string {
  return `<footer class="sb-pre-footer"><div class="sb-pre-container"><p>${esc(t.footer.about)}</p><p>${esc(
    t.footer.copyright.replace('{{year}}', String(new Date().getUTCFullYear())),
  )}</p></div></footer>`;
}

const frame = (active: Parameters<typeof header>[0], main: string): string =>
  `<div class="sb-pre">${header(active)}<main class="sb-pre-main">${main}</main>${footer()}</div>`;

function price(p: TListingTeaser['price']): string {
  if (p.kind === 'negotiable') return esc(t.listing.priceNegotiable);
  return esc(t.listing.priceFixed.replace('{{wan}}', new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(p.amountWan)));
}

const region = (l: TListingTeaser): string =>
  l.city === l.province ? l.city : t.listing.region.replace('{{province}}', l.province).replace('{{city}}', l.city);

function facts(l: TListingTeaser): string {
  return `<dl class="sb-pre-facts">${[
    [t.listing.age, t.listing.ageBand[l.ageBand]],
    [t.listing.capital, t.listing.capitalBand[l.capitalBand]],
    [t.listing.companyType, t.listing.companyTypes[l.companyType]],
  ]
    .map(([dt, dd]) => `<div><dt>${esc(dt ?? '')}</dt><dd>${esc(dd ?? '')}</dd></div>`)
    .join('')}</dl>`;
}

function card(l: TListingTeaser): string {
  const highlights = l.highlights.length ? `<ul class="sb-pre-tags">${l.highlights.map((h) => `<li>${esc(h)}</li>`).join('')}</ul>` : '';
  return `<article class="sb-pre-card" data-listing-code="${esc(l.code)}">
<p class="sb-pre-card-top"><span>${esc(region(l))} · ${esc(l.industry)}</span><span class="sb-pre-tag">${esc(t.listing.taxpayerType[l.taxpayerType])}</span></p>
<h3><a href="/listings/${encodeURIComponent(l.code)}">${esc(l.title)}</a></h3>${facts(l)}${highlights}
<p class="sb-pre-card-bottom"><span class="sb-pre-muted">${esc(t.listing.price)}</span> <strong class="sb-pre-price">${price(l.price)}</strong> <span class="sb-pre-muted">${esc(t.listing.code.replace('{{code}}', l.code))}</span></p>
</article>`;
}

const grid = (items: readonly TListingTeaser[], empty: string): string =>
  items.length ? `<div class="sb-pre-grid">${items.map(card).join('')}</div>` : `<p class="sb-pre-empty">${esc(empty)}</p>`;

async function home(data: PublicPageData): Promise<PublicPage> {
  const [stats, featured] = await Promise.all([data.marketStats(), data.search({ page: '1', pageSize: String(FEATURED_COUNT) })]);
  const h = t.home;
  const statItems = [
    [h.stats.publishedListings, stats.publishedListings],
    [h.stats.provinces, stats.provinces],
    [h.stats.industries, stats.industries],
  ] as const;
  const main = `<section class="sb-pre-hero"><div class="sb-pre-container">
<p class="sb-pre-eyebrow">${esc(h.hero.eyebrow)}</p>
<h1>${esc(h.hero.title)}<br><span class="sb-pre-emphasis">${esc(h.hero.titleEmphasis)}</span></h1>
<p class="sb-pre-subtitle">${esc(h.hero.subtitle)}</p>
<p class="sb-pre-cta"><a class="sb-pre-button is-primary" href="/listings">${esc(h.hero.ctaBrowse)}</a><a class="sb-pre-button" href="/privacy">${esc(h.hero.ctaPrivacy)}</a></p>
<dl class="sb-pre-stats">${statItems.map(([label, value]) => `<div><dt>${esc(label)}</dt><dd>${esc(value)}</dd></div>`).join('')}</dl>
</div></section>
<section class="sb-pre-container sb-pre-section"><h2>${esc(h.featured.title)}</h2><p class="sb-pre-muted">${esc(h.featured.subtitle)}</p>
${grid(featured.items, t.listing.empty)}<p><a href="/listings">${esc(h.featured.viewAll)}</a></p></section>`;
  return {
    title: title(t.titles.home),
    description: `${t.brand.titleSuffix} · ${t.brand.tagline}：${h.hero.title}${h.hero.titleEmphasis}。`,
    html: frame('home', main),
  };
}

async function listings(data: PublicPageData, query: URLSearchParams): Promise<PublicPage> {
  const params = Object.fromEntries(query);
  const result = await data.search(params);
  const filtered = Object.keys(params).some((k) => k !== 'page' && k !== 'pageSize');
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const link = (page: number) => {
    const next = new URLSearchParams({ ...params, page: String(page), pageSize: String(result.pageSize) });
    return `/listings?${esc(next.toString())}`;
  };
  const pager =
    pages > 1
      ? `<nav class="sb-pre-pager" aria-label="${esc(t.listings.title)}">${Array.from({ length: pages }, (_, i) => i + 1)
          .map((p) => (p === result.page ? `<span aria-current="page">${p}</span>` : `<a href="${link(p)}">${p}</a>`))
          .join('')}</nav>`
      : '';
  const total = (result.totalCapped ? t.listings.totalCapped : t.listings.total).replace('{{count}}', String(result.total));
  const main = `<div class="sb-pre-container sb-pre-section">
<h1>${esc(t.listings.title)}</h1><p class="sb-pre-muted">${esc(t.listings.subtitle)}</p>
<h2 class="sb-pre-total">${esc(total)}</h2>
${grid(result.items, filtered ? t.listings.noMatch : t.listing.empty)}${pager}
<p class="sb-pre-muted">${esc(t.listings.anonymityNote)}</p></div>`;
  return {
    title: title(t.titles.listings),
    description: `${t.listings.title} · ${t.listings.subtitle}`,
    html: frame('listings', main),
  };
}

async function listing(data: PublicPageData, code: string): Promise<PublicPage | null> {
  const l = await data.publicListing(code);
  if (!l) return null;
  const main = `<div class="sb-pre-container sb-pre-section"><p><a href="/listings">${esc(t.listings.title)}</a></p>
<article class="sb-pre-detail" data-listing-code="${esc(l.code)}">
<p class="sb-pre-card-top"><span>${esc(region(l))} · ${esc(l.industry)}</span><span class="sb-pre-tag">${esc(t.listing.taxpayerType[l.taxpayerType])}</span></p>
<h1>${esc(l.title)}</h1>
<p><span class="sb-pre-muted">${esc(t.listing.price)}</span> <strong class="sb-pre-price">${price(l.price)}</strong> <span class="sb-pre-muted">${esc(t.listing.code.replace('{{code}}', l.code))}</span></p>
${facts(l)}${l.highlights.length ? `<ul class="sb-pre-tags">${l.highlights.map((h) => `<li>${esc(h)}</li>`).join('')}</ul>` : ''}
${
  l.description
    ? `<div class="sb-pre-description">${l.description
        .split(/\n+/)
        .map((para) => `<p>${esc(para)}</p>`)
        .join('')}</div>`
    : ''
}
<p class="sb-pre-muted">${esc(t.listings.anonymityNote)}</p></article></div>`;
  return {
    // The same words the SPA's title and description use: the teaser title, region and industry — nothing more.
    title: title(l.title),
    description: `${l.title} · ${region(l)} · ${l.industry}`,
    html: frame(null, main),
  };
}

function privacy(): PublicPage {
  const p = t.privacy;
  const principles = ([1, 2, 3, 4, 5, 6, 7, 8] as const)
    .map((n) => `<li><h3>${esc(p.principles[`p${n}Title`])}</h3><p>${esc(p.principles[`p${n}Body`])}</p></li>`)
    .join('');
  const main = `<div class="sb-pre-container sb-pre-section">
<h1>${esc(p.title)}</h1><p class="sb-pre-intro">${esc(p.intro)}</p>
<p><a href="/privacy/transparency">${esc(t.transparency.linkFromPrivacy)}</a></p>
<section id="principles"><h2>${esc(p.principles.title)}</h2><ol class="sb-pre-principles">${principles}</ol></section></div>`;
  return { title: title(t.titles.privacy), description: p.intro, html: frame('privacy', main) };
}

const QUARTER = /^\d{4}-Q[1-4]$/;
const periodLabel = (period: string): string =>
  t.transparency.period.replace('{{year}}', period.slice(0, 4)).replace('{{q}}', period.slice(6));

/** Label / value pairs as a definition list; with `bars`, each value also gets a bar scaled to the largest. */
function figureList(items: readonly (readonly [string, number | string])[], bars = false): string {
  const max = Math.max(1, ...items.map(([, v]) => (typeof v === 'number' ? v : 0)));
  return `<dl class="sb-pre-figures">${items
    .map(([label, value]) => {
      const bar =
        bars && typeof value === 'number'
          ? `<span class="sb-pre-bar" aria-hidden="true"><span style="width:${Math.round((value / max) * 100)}%"></span></span>`
          : '';
      return `<div><dt>${esc(label)}</dt><dd>${esc(value)}${bar}</dd></div>`;
    })
    .join('')}</dl>`;
}

/** The figures of one published quarter: the same sections and labels as the SPA page (features/transparency). */
function reportFigures(report: TTransparencyReport): string {
  const f = report.figures;
  const tr = t.transparency;
  const g = tr.figures;
  const section = (heading: string, body: string) => `<section><h2>${esc(heading)}</h2>${body}</section>`;
  const kinds = t.rights.kinds as Record<string, string>;
  const purposes = t.codes.purposes as Record<string, string>;
  return [
    section(
      tr.sections.rights,
      figureList([
        [g.received, f.rights.received],
        [g.answered, f.rights.answered],
        [g.median, f.rights.medianWorkingDays ?? '—'],
      ]) +
        figureList(
          [
            [g.inTime, f.rights.answeredInTime],
            [g.late, f.rights.answeredLate],
            ...Object.entries(f.rights.receivedByKind).map(([kind, n]) => [kinds[kind] ?? kind, n] as const),
          ],
          true,
        ),
    ),
    section(
      tr.sections.feedback,
      figureList([
        [g.feedbackReceived, f.feedback.received],
        [g.feedbackClosed, f.feedback.closed],
      ]),
    ),
    section(
      tr.sections.incidents,
      figureList([
        [g.incidents, f.incidents.total],
        [g.reported, f.incidents.reportedToRegulator],
      ]) +
        figureList(
          f.incidents.byGrade.map((x) => [(tr.grades as Record<string, string>)[x.grade] ?? x.grade, x.total] as const),
          true,
        ),
    ),
    section(
      tr.sections.transfers,
      figureList(
        [
          [g.toThirdParties, f.transfers.toThirdParties],
          [g.abroad, f.transfers.abroad],
          [g.refused, f.transfers.refused],
        ],
        true,
      ) +
        figureList([
          [g.personsAbroad, f.transfers.personsAbroad],
          [g.personsAbroadSensitive, f.transfers.personsAbroadSensitive],
        ]),
    ),
    section(
      tr.sections.authority,
      figureList([
        [g.authorityReceived, f.authorityRequests.received],
        [g.authorityDisclosed, f.authorityRequests.disclosed],
        [g.personsAffected, f.authorityRequests.personsAffected],
      ]) +
        figureList(
          f.authorityRequests.byLegalBasis.filter((b) => b.received > 0).map((b) => [tr.legalBases[b.legalBasis], b.received] as const),
          true,
        ),
    ),
    section(
      tr.sections.accesses,
      figureList([
        [g.accesses, f.staffAccesses.total],
        [g.accessesRefused, f.staffAccesses.refused],
      ]) +
        figureList(
          f.staffAccesses.byPurpose.map((x) => [purposes[x.purpose] ?? x.purpose, x.count] as const),
          true,
        ),
    ),
    section(
      tr.sections.other,
      figureList([
        [g.withdrawals, f.consentWithdrawals],
        [g.accountsErased, f.erasures.accountsErased],
        [g.recordsDestroyed, f.erasures.recordsDestroyedByRetention],
      ]),
    ),
  ].join('');
}

/** `/privacy/transparency[?period=YYYY-Qn]`: the latest published quarter (or the one asked for) and links to the others. */
async function transparency(data: PublicPageData, query: URLSearchParams): Promise<PublicPage> {
  const tr = t.transparency;
  const { reports } = await data.transparencyReports();
  const asked = query.get('period');
  const period = asked && QUARTER.test(asked) ? asked : reports[0]?.period;
  const report = period ? await data.transparencyReport(period) : null;
  const others = reports
    .slice(0, 8)
    .map((r) =>
      r.period === report?.period
        ? `<span aria-current="page">${esc(periodLabel(r.period))}</span>`
        : `<a href="/privacy/transparency?period=${esc(r.period)}">${esc(periodLabel(r.period))}</a>`,
    )
    .join('');
  const body = report
    ? `<h2>${esc(periodLabel(report.period))}</h2>
<p class="sb-pre-muted">${esc(tr.range.replace('{{from}}', report.from).replace('{{to}}', report.to))}${
        report.publishedAt ? ` · ${esc(tr.publishedAt.replace('{{at}}', report.publishedAt.slice(0, 10)))}` : ''
      }</p>
<div class="sb-pre-report">${reportFigures(report)}</div>
<p class="sb-pre-muted">${esc(tr.method)}</p>`
    : `<p class="sb-pre-empty">${esc(tr.none)}</p>`;
  const main = `<div class="sb-pre-container sb-pre-section">
<h1>${esc(tr.title)}</h1><p class="sb-pre-intro">${esc(tr.intro)}</p>
<p><a href="/privacy">${esc(t.nav.privacy)}</a></p>
${reports.length > 1 ? `<nav class="sb-pre-pager" aria-label="${esc(tr.quarter)}">${others}</nav>` : ''}
${body}</div>`;
  return { title: title(tr.title), description: tr.intro, html: frame('privacy', main) };
}

/** The page for a path, or null when the path is not one of the public pages (the SPA shell is served as it is). */
export async function renderPublicPage(pathname: string, query: URLSearchParams, data: PublicPageData): Promise<PublicPage | null> {
  if (pathname === '/') return home(data);
  if (pathname === '/listings') return listings(data, query);
  if (pathname === '/privacy') return privacy();
  if (pathname === '/privacy/transparency') return transparency(data, query);
  const match = /^\/listings\/([^/]+)$/.exec(pathname);
  if (match?.[1]) return listing(data, decodeURIComponent(match[1]));
  return null;
}
