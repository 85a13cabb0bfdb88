using BenchmarkDotNet.Running;
using GraphApi.Benchmarks.FanOut;
using GraphApi.Benchmarks.Load;

// `load ...` drives a running server over HTTP; `fanout ...` starts servers and measures subscription fan-out
// (`fanout-chart ...` draws two of its results files);
// anything else goes to BenchmarkDotNet's switcher.
return args switch
{
    ["load", .. var rest] => await LoadRun.RunAsync(rest),
    ["fanout", .. var rest] => await FanOutRun.RunAsync(rest),
    ["fanout-chart", .. var rest] => FanOutChart.Run(rest),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
