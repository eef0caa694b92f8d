// The part of autocannon's API the benchmark uses (the package ships no types).
declare module "autocannon" {
  namespace autocannon {
    interface Options {
      url: string;
      connections?: number;
      duration?: number;
      timeout?: number;
      maxOverallRequests?: number;
      setupClient?: (client: { setHeaders: (headers: Record<string, string>) => void }) => void;
      requests?: { setupRequest?: (req: Record<string, unknown>) => Record<string, unknown> }[];
    }
    interface Result {
      non2xx: number;
      errors: number;
      timeouts: number;
    }
    interface Instance extends PromiseLike<Result> {
      on(event: "response", listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): this;
    }
  }
  function autocannon(options: autocannon.Options): autocannon.Instance;
  export default autocannon;
}
