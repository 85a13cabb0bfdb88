using BenchmarkDotNet.Running;
using GraphApi.Benchmarks.FanOut;
using GraphApi.Benchmarks.Load;
using GraphApi.Benchmarks.Load.RawBaseline;

// `load ...` drives a running server over HTTP; `raw ...` serves the load run's minimal-API baseline; `fanout ...`
// starts servers and measures subscription fan-out (`fanout-chart ...` draws two of its results files);
// anything else goes to BenchmarkDotNet's switcher.
return args switch
{
    ["load", .. var rest] => await LoadRun.RunAsync(rest),
    ["raw", .. var rest] => await RawBaselineServer.RunAsync(rest),
    ["fanout", .. var rest] => await FanOutRun.RunAsync(rest),
    ["fanout-chart", .. var rest] => FanOutChart.Run(rest),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
