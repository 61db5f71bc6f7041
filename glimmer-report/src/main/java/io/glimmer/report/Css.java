package io.glimmer.report;

/** The report's style sheet, inline: system fonts only, figures scale to the page, print without navigation. */
final class Css {
    static final String TEXT = """
            :root{color-scheme:light;--ink:#222;--muted:#555;--rule:#ddd;--accent:#0072B2}
            *{box-sizing:border-box}
            body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--ink);background:#fff}
            main{max-width:1100px;margin:0 auto;padding:1rem}
            h1{font-size:1.5rem;margin:.5rem 0;overflow-wrap:anywhere}
            h2{font-size:1.25rem;border-bottom:2px solid var(--accent);padding-bottom:.2rem;margin-top:2rem}
            .lede{color:var(--muted)}
            nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;padding:0;list-style:none}
            a{color:var(--accent)}
            table.numbers{border-collapse:collapse;margin:1rem 0;font-variant-numeric:tabular-nums}
            table.numbers caption{text-align:left;font-weight:600;padding-bottom:.3rem}
            table.numbers th,table.numbers td{padding:.2rem .6rem;border-bottom:1px solid var(--rule);text-align:right}
            table.numbers th[scope=row],table.numbers td.text{text-align:left;font-weight:normal}
            pre.summary{overflow-x:auto;background:#f6f6f6;padding:.75rem;font:13px/1.35 ui-monospace,"DejaVu Sans Mono",monospace}
            .figures{display:flex;flex-wrap:wrap;gap:1rem}
            figure{margin:0;flex:1 1 420px;min-width:0}
            figure svg{width:100%;height:auto;display:block}
            figcaption{font-size:.85rem;color:var(--muted)}
            @media (max-width:600px){main{padding:.5rem}figure{flex-basis:100%}}
            @media print{nav{display:none}main{max-width:none}section,figure{break-inside:avoid}details{display:block}}
            """;

    private Css() {
    }
}
