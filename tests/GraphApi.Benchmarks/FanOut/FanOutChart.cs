using System.Globalization;
using System.Text;

namespace GraphApi.Benchmarks.FanOut;

/// <summary>
/// <c>fanout-chart --before FILE --after FILE --out FILE.svg</c>: draws last-subscriber p50 and p99 against the
/// subscriber count from two <c>fanout --results</c> files, both axes logarithmic (counts span 1–10,000 and
/// latencies two orders of magnitude). Plain SVG, no dependencies.
/// </summary>
internal static class FanOutChart
{
    private const double Width = 720, Height = 440, Left = 70, Right = 190, Top = 40, Bottom = 50;

    public static int Run(string[] args)
    {
        var values = FanOutOptions.Pairs(args);
        var before = Read(values["before"]);
        var after = Read(values["after"]);
        File.WriteAllText(values["out"], Draw(before, after, values.GetValueOrDefault("title", "Subscription fan-out: last subscriber's next after placeOrder")));
        return 0;
    }

    private static List<Point> Read(string path) =>
        File.ReadAllLines(path)
            .Where(l => l.Length > 0)
            .Select(l => l.Split('\t'))
            .Select(f => new Point(Num(f[0]), Num(f[1]), Num(f[2])))
            .OrderBy(p => p.Subscribers)
            .ToList();

    private static string Draw(List<Point> before, List<Point> after, string title)
    {
        var all = before.Concat(after).ToList();
        var (xMin, xMax) = (Math.Log10(all.Min(p => p.Subscribers)), Math.Log10(all.Max(p => p.Subscribers)));
        var yMin = Math.Floor(Math.Log10(all.Min(p => p.P50)));
        var yMax = Math.Ceiling(Math.Log10(all.Max(p => p.P99)));
        double X(double n) => Left + (Math.Log10(n) - xMin) / Math.Max(xMax - xMin, 1e-9) * (Width - Left - Right);
        double Y(double ms) => Height - Bottom - (Math.Log10(ms) - yMin) / Math.Max(yMax - yMin, 1e-9) * (Height - Top - Bottom);

        var svg = new StringBuilder();
        svg.Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        svg.Append(F($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n"));
        svg.Append(F($"<text x=\"{Left}\" y=\"22\" font-size=\"14\">{title}</text>\n"));
        for (var decade = yMin; decade <= yMax; decade++)
        {
            var y = Y(Math.Pow(10, decade));
            svg.Append(F($"<line x1=\"{Left}\" y1=\"{y:0.0}\" x2=\"{Width - Right}\" y2=\"{y:0.0}\" stroke=\"#ddd\"/>"));
            svg.Append(F($"<text x=\"{Left - 8}\" y=\"{y + 4:0.0}\" text-anchor=\"end\">{Math.Pow(10, decade):#,0.###} ms</text>\n"));
        }

        foreach (var n in all.Select(p => p.Subscribers).Distinct())
        {
            var x = X(n);
            svg.Append(F($"<line x1=\"{x:0.0}\" y1=\"{Top}\" x2=\"{x:0.0}\" y2=\"{Height - Bottom}\" stroke=\"#eee\"/>"));
            svg.Append(F($"<text x=\"{x:0.0}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\">{n:#,0}</text>\n"));
        }

        svg.Append(F($"<text x=\"{(Left + Width - Right) / 2:0.0}\" y=\"{Height - 12}\" text-anchor=\"middle\">subscribers (log scale)</text>\n"));
        var series = new (string Name, List<Point> Points, Func<Point, double> Value, string Color, string Dash)[]
        {
            ("before p99", before, p => p.P99, "#c0392b", "6 4"),
            ("before p50", before, p => p.P50, "#c0392b", ""),
            ("after p99", after, p => p.P99, "#2471a3", "6 4"),
            ("after p50", after, p => p.P50, "#2471a3", ""),
        };
        for (var i = 0; i < series.Length; i++)
        {
            var (name, points, value, color, dash) = series[i];
            var path = string.Join(" ", points.Select(p => F($"{X(p.Subscribers):0.0},{Y(value(p)):0.0}")));
            svg.Append(F($"<polyline points=\"{path}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" stroke-dasharray=\"{dash}\"/>\n"));
            foreach (var p in points)
            {
                svg.Append(F($"<circle cx=\"{X(p.Subscribers):0.0}\" cy=\"{Y(value(p)):0.0}\" r=\"3\" fill=\"{color}\"><title>{name}: {p.Subscribers:#,0} subscribers, {value(p):0.0} ms</title></circle>\n"));
            }

            var legendY = Top + 10 + i * 20;
            svg.Append(F($"<line x1=\"{Width - Right + 15}\" y1=\"{legendY}\" x2=\"{Width - Right + 45}\" y2=\"{legendY}\" stroke=\"{color}\" stroke-width=\"2\" stroke-dasharray=\"{dash}\"/>"));
            svg.Append(F($"<text x=\"{Width - Right + 52}\" y=\"{legendY + 4}\">{name}</text>\n"));
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static double Num(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Point(double Subscribers, double P50, double P99);
}
