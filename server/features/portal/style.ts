import { createHash } from 'node:crypto';

/**
 * The portal's one stylesheet (a TypeScript string, so the bundled server carries it). Mobile
 * first: one column, readable line length, larger targets on small screens.
 */
export const PORTAL_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:#1b2620;background:#f6f8f6}
a{color:#0b5d32}
a:hover,a:focus{text-decoration-thickness:2px}
:focus-visible{outline:3px solid #1a73e8;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:10}
.skip:focus{left:.5rem}
header{background:#0b5d32;color:#fff}
header a{color:#fff}
.bar{max-width:60rem;margin:0 auto;padding:.75rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between}
.brand{font-weight:700;font-size:1.05rem;text-decoration:none}
nav ul{list-style:none;margin:0;padding:0 1rem .75rem;max-width:60rem;margin:0 auto;display:flex;flex-wrap:wrap;gap:.25rem .5rem}
nav a{display:inline-block;padding:.35rem .6rem;border-radius:.3rem;text-decoration:none}
nav a[aria-current=page]{background:#fff;color:#0b5d32;font-weight:600}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.2rem;margin:1.75rem 0 .5rem}
h3{font-size:1.05rem;margin:1.25rem 0 .4rem}
.lead{font-size:1.05rem}
.card{background:#fff;border:1px solid #d5ded8;border-radius:.5rem;padding:.9rem 1rem;margin:.75rem 0}
.card>:first-child{margin-top:0}.card>:last-child{margin-bottom:0}
.muted{color:#4a5a50}
.item{margin:.5rem 0 .5rem 0}
.item .label{font-weight:700;margin-right:.35rem}
.lvl2{margin-left:1rem}.lvl3{margin-left:2rem}.lvl4{margin-left:2.5rem}
.who{font-size:.93rem;color:#33443a;margin:.25rem 0 0}
.tag{display:inline-block;font-size:.8rem;font-weight:600;padding:0 .45rem;border-radius:1rem;background:#e2efe6;color:#0b4a28;margin-right:.35rem}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border:1px solid #d5ded8;padding:.45rem .55rem;text-align:left;vertical-align:top}
th{background:#eef3ef}
caption{text-align:left;padding:.25rem 0}
.table{overflow-x:auto}
form.search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end;margin:.5rem 0 1rem}
form.search label{display:block;width:100%;font-weight:600}
input[type=search]{flex:1 1 14rem;font:inherit;padding:.5rem .6rem;border:1px solid #6b7d72;border-radius:.3rem;min-height:2.75rem}
button{font:inherit;padding:.5rem 1rem;border:0;border-radius:.3rem;background:#0b5d32;color:#fff;min-height:2.75rem;cursor:pointer}
.pager{display:flex;gap:1rem;align-items:center;flex-wrap:wrap;margin:1rem 0}
footer{border-top:1px solid #d5ded8;background:#fff}
footer div{max-width:60rem;margin:0 auto;padding:1rem;font-size:.9rem}
dl{margin:.5rem 0}dt{font-weight:600}dd{margin:0 0 .5rem}dd ul{margin:0;padding-left:1.1rem}
.num{text-align:right;font-variant-numeric:tabular-nums}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.chart{margin:.5rem 0}.chart svg{display:block;width:100%;height:auto;max-width:40rem}
.years ul{list-style:none;display:flex;flex-wrap:wrap;gap:.5rem;padding:0;margin:.5rem 0}
.years a{display:inline-block;padding:.35rem .8rem;border:1px solid #0b5d32;border-radius:1rem;text-decoration:none}
.years a[aria-current=page]{background:#0b5d32;color:#fff}
form.compare div{display:flex;flex-direction:column;gap:.25rem}form.compare label{width:auto}
select{font:inherit;padding:.45rem .5rem;border:1px solid #6b7d72;border-radius:.3rem;min-height:2.75rem;background:#fff;max-width:100%}
.diff .before{border-left:4px solid #b3261e;padding-left:.75rem}.diff .after{border-left:4px solid #0b5d32;padding-left:.75rem}
details summary{cursor:pointer;font-weight:600;min-height:2rem}
code{font-size:.9em}
@media (min-width:48rem){h1{font-size:1.85rem}main{padding:1.5rem 1rem}}
@media print{header nav,.skip,form.search,.pager{display:none}body{background:#fff}}
`.trim();

/** A short content hash, put in the stylesheet's URL so it can be cached for a year. */
export const PORTAL_CSS_VERSION = createHash('sha256').update(PORTAL_CSS).digest('hex').slice(0, 12);
