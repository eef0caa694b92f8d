// Lighthouse (performance category, desktop preset) on Debian's Chromium with a real session
// cookie; first-load JavaScript is the sum of the transfer sizes (gzip as served by next start)
// of the page's script requests.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

export interface PageScore {
  path: string;
  score: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  scriptKb: number;
  scripts: number;
}

interface NetworkItem {
  resourceType?: string;
  transferSize?: number;
}

export async function runLighthouse(baseUrl: string, cookie: string, paths: string[], log: (s: string) => void): Promise<PageScore[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
      "--disable-component-update", "--no-first-run"],
  });
  const scores: PageScore[] = [];
  try {
    for (const path of paths) {
      // Lighthouse sometimes fails to record the trace (NO_NAVSTART); such a run measured nothing,
      // so it is repeated, and a page that fails three times is reported without a score.
      let result: Awaited<ReturnType<typeof lighthouse>> | undefined;
      for (let attempt = 1; attempt <= 3; attempt++) {
        result = await lighthouse(
          `${baseUrl}${path}`,
          { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"], extraHeaders: { Cookie: cookie } },
          desktopConfig,
        );
        if (!result?.lhr.runtimeError) break;
        log(`lighthouse ${path}: attempt ${attempt} failed (${result.lhr.runtimeError.code})`);
      }
      if (!result) throw new Error(`bench: lighthouse returned nothing for ${path}`);
      const lhr = result.lhr;
      if (lhr.runtimeError) {
        log(`lighthouse ${path}: no score (${lhr.runtimeError.message})`);
        continue;
      }
      if (!lhr.finalDisplayedUrl.startsWith(`${baseUrl}${path.split("?")[0]}`)) throw new Error(`bench: lighthouse on ${path} ended on ${lhr.finalDisplayedUrl} (not signed in?)`);
      const items = ((lhr.audits["network-requests"]?.details as { items?: NetworkItem[] } | undefined)?.items ?? []).filter((i) => i.resourceType === "Script");
      const num = (id: string) => Number(lhr.audits[id]?.numericValue ?? NaN);
      const score: PageScore = {
        path,
        score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
        fcpMs: num("first-contentful-paint"),
        lcpMs: num("largest-contentful-paint"),
        tbtMs: num("total-blocking-time"),
        cls: num("cumulative-layout-shift"),
        scriptKb: items.reduce((sum, i) => sum + (i.transferSize ?? 0), 0) / 1024,
        scripts: items.length,
      };
      log(`lighthouse ${path}: performance ${score.score}, first-load JS ${score.scriptKb.toFixed(1)} kB in ${score.scripts} scripts`);
      scores.push(score);
    }
  } finally {
    await chrome.kill();
  }
  return scores;
}
