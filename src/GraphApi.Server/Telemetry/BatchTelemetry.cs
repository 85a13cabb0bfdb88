using System.Diagnostics;

namespace GraphApi.Server.Telemetry;

/// <summary>Counts a DataLoader batch and opens its span (a child of the request span that needed it).</summary>
internal static class BatchTelemetry
{
    public static Activity? Start(string loaderName, int keys)
    {
        var tags = new TagList { { ServerTelemetry.LoaderTag, loaderName } };
        ServerTelemetry.DataLoaderBatches.Add(1, tags);
        ServerTelemetry.DataLoaderBatchSize.Record(keys, tags);

        var activity = ServerTelemetry.Source.StartActivity("graphql.dataloader.batch");
        activity?.SetTag(ServerTelemetry.LoaderTag, loaderName);
        activity?.SetTag(ServerTelemetry.BatchSizeTag, keys);
        return activity;
    }
}
