using System.Text.Json.Nodes;
using DjangoCdk.Tests.TestSupport;
using Xunit;

namespace DjangoCdk.Tests.Eks;

/// <summary>
/// What a first deployment of the defaults needs from AWS beyond a valid template: permissions the load balancer
/// controller cannot grant itself, and an order that does not race the node group.
/// </summary>
public sealed class DjangoEksDeployabilityTests(DjangoEksDefaultsFixture fixture) : IClassFixture<DjangoEksDefaultsFixture>
{
    private readonly DjangoEks django = fixture.Django;
    private EksTemplate Eks => fixture.Eks;

    [Fact]
    public void Logs_bucket_lets_Elastic_Load_Balancing_write_the_Ingress_access_logs()
    {
        // Given the Ingress asks the controller for access logs to the logs bucket under alb/Django. ELB checks that it may
        // write there when the attribute is set; without a bucket-policy grant the controller's reconcile fails with
        // "InvalidConfigurationRequest: Access Denied for bucket" (kubernetes-sigs/aws-load-balancer-controller#1956).
        // The grant is what the CDK's ApplicationLoadBalancer.logAccessLogs writes: PutObject on <prefix>/AWSLogs/<account>/*
        // for the region's ELB account (regions before August 2022) or the log-delivery service principal (newer ones).
        var elbAccount = Amazon.CDK.RegionInfo.RegionInfo.Get(TestStacks.Region).Elbv2Account!;
        var bucketId = fixture.Id(django.AccessLogsBucket);
        var statements = Eks.Json.OfType("AWS::S3::BucketPolicy")
            .Where(p => (string?)p.Value["Properties"]!["Bucket"]!["Ref"] == bucketId)
            .SelectMany(p => p.Value["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!.AsObject()))
            .ToList();
        Assert.Contains(statements, s =>
            (string?)s["Effect"] == "Allow" &&
            s["Action"]!.ToJsonString().Contains("s3:PutObject", StringComparison.Ordinal) &&
            (s["Principal"]!.ToJsonString().Contains($":iam::{elbAccount}:root", StringComparison.Ordinal) ||
             s["Principal"]!.ToJsonString().Contains("logdelivery.elasticloadbalancing.amazonaws.com", StringComparison.Ordinal)) &&
            s["Resource"]!.ToJsonString().Contains($"/alb/Django/AWSLogs/{TestStacks.Account}/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("chart-" + DjangoEks.Ids.ExternalSecretsOperator)]
    [InlineData("chart-" + DjangoEks.Ids.ExternalDns)]
    public void Charts_that_wait_for_their_pods_are_installed_after_the_nodes_join(string chartId)
    {
        // Given a chart installed with Wait (helm --wait, five minutes by default): its pods stay Pending until a node
        // joins, so the chart must come after the node group, as the CDK orders its own Load Balancer Controller chart.
        var chart = fixture.Id(django.Cluster.Node.FindChild(chartId));
        Assert.True(Eks.Properties(chart)["Wait"] is JsonValue wait && (bool)wait);
        Assert.True(Eks.DependsOnTransitively(chart, fixture.Id(django.Nodes)), $"{chart} may be installed before the node group exists.");
    }

    [Fact]
    public void Metrics_server_add_on_is_created_after_the_nodes_join()
    {
        // Given an EKS add-on that runs a Deployment: created with no node, it ends DEGRADED and CloudFormation gives up
        // on it (terraform-aws-modules/terraform-aws-eks#1801, fixed there by the same dependency).
        var addon = fixture.Id(django.Node.FindChild(DjangoEks.Ids.MetricsServer));
        Assert.True(Eks.DependsOnTransitively(addon, fixture.Id(django.Nodes)), "metrics-server may be created before the node group exists.");
    }

    [Fact]
    public void The_Load_Balancer_Controller_chart_is_installed_after_the_nodes_join()
    {
        // The CDK's own ordering, which the two facts above ask of DjangoEks's charts
        Assert.True(Eks.DependsOnTransitively(fixture.Id(django.Cluster.AlbController!), fixture.Id(django.Nodes)));
    }
}
