namespace DjangoCdk.Cli;

/// <summary>The estimated monthly cost of one billable resource of a synthesized template.</summary>
/// <param name="StackName">The stack (or nested stack) the resource belongs to.</param>
/// <param name="LogicalId">The resource's logical ID in its template.</param>
/// <param name="ResourceType">The CloudFormation type, e.g. "AWS::ECS::Service".</param>
/// <param name="Description">What is priced, e.g. "web: 0.5 vCPU, 1 GB, ARM64 × 2".</param>
/// <param name="MonthlyUsd">The monthly cost in USD, unrounded (round to cents when showing it); null when the table has no price for it.</param>
/// <param name="Note">Assumptions, approximations and fallbacks behind the figure, or why there is none; null when there is nothing to say.</param>
public sealed record CostLine(string StackName, string LogicalId, string ResourceType, string Description, decimal? MonthlyUsd, string? Note = null);
