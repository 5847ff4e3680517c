using DjangoCdk.Tests.TestSupport;
using Xunit;

namespace DjangoCdk.Tests.Storage;

/// <summary>
/// Bad input: one clear DjangoCdkValidationException naming the prop, the value and what is allowed. Props are checked
/// by <see cref="S3BucketResourcesSettings.Resolve"/> in plain C#; only the construct-level test needs the CDK runtime.
/// </summary>
public sealed class S3BucketResourcesValidationTests
{
    private const string MediaPath = "Test/Media";
    private static readonly ConstructSite Site = new(MediaPath, TestStacks.Account, TestStacks.Region);

    private static DjangoCdkValidationException Rejects(S3BucketResourcesProps props) =>
        Assert.Throws<DjangoCdkValidationException>(() => S3BucketResourcesSettings.Resolve(props, Site));

    [Fact]
    public void The_construct_validates_its_props_before_it_builds_anything()
    {
        // Given a stack
        var stack = TestStacks.New();

        // When an S3BucketResources gets a bad prop
        var error = Assert.Throws<DjangoCdkValidationException>(() =>
            new S3BucketResources(stack, Storage.MediaId, new S3BucketResourcesProps { BucketName = "Media_Bucket" }));

        // Then it throws with its own path and leaves no child behind
        Assert.Equal(MediaPath, error.ConstructPath);
        Assert.StartsWith(MediaPath + ": ", error.Message, StringComparison.Ordinal);
        Assert.Empty(stack.Node.FindChild(Storage.MediaId).Node.Children);
    }

    [Fact]
    public void Defaults_are_a_private_bucket_with_a_generated_name_and_the_first_key()
    {
        var settings = S3BucketResourcesSettings.Resolve(new S3BucketResourcesProps(), Site);

        Assert.Null(settings.BucketName);
        Assert.Empty(settings.CorsOrigins);
        Assert.Null(settings.PublicReadPrefix);
        Assert.Equal(0, settings.KeySerial);
    }

    [Theory]
    [InlineData("ublog-media")]
    [InlineData("abc")]
    [InlineData("a23456789012345678901234567890123456789012345678901234567890123")]
    [InlineData("0media-2026")]
    public void Valid_bucket_names_are_accepted(string name)
    {
        Assert.Equal(name, S3BucketResourcesSettings.Resolve(new S3BucketResourcesProps { BucketName = name }, Site).BucketName);
    }

    [Theory]
    [InlineData("", "0 characters")]
    [InlineData("ab", "2 characters")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234", "64 characters")]
    [InlineData("Media", "other than lowercase")]
    [InlineData("media_files", "other than lowercase")]
    [InlineData("media.example.com", "dot")]
    [InlineData("192.168.1.1", "dot")]
    [InlineData("-media", "hyphen")]
    [InlineData("media-", "hyphen")]
    [InlineData("xn--media", "'xn--'")]
    [InlineData("sthree-media", "'sthree-'")]
    [InlineData("amzn-s3-demo-media", "'amzn-s3-demo-'")]
    [InlineData("media-s3alias", "'-s3alias'")]
    [InlineData("media--ol-s3", "'--ol-s3'")]
    [InlineData("media--x-s3", "'--x-s3'")]
    public void Invalid_bucket_names_are_rejected_with_the_rule_they_break(string name, string reason)
    {
        var error = Rejects(new S3BucketResourcesProps { BucketName = name });

        Assert.Equal(nameof(S3BucketResourcesProps.BucketName), error.ParamName);
        Assert.Equal(ValidationErrorCode.InvalidValue, error.Code);
        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains("leave BucketName unset", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unresolved_bucket_name_is_not_checked()
    {
        const string token = "media-${Token[AWS.AccountId.1]}";

        Assert.Equal(token, S3BucketResourcesSettings.Resolve(new S3BucketResourcesProps { BucketName = token }, Site).BucketName);
    }

    [Theory]
    [InlineData("https://app.example.com")]
    [InlineData("https://app.example.com:8443")]
    [InlineData("https://*.example.com")]
    [InlineData("https://my-app.example.co.uk")]
    [InlineData("http://localhost")]
    [InlineData("http://localhost:8000")]
    [InlineData("http://127.0.0.1:5173")]
    public void Valid_cors_origins_are_accepted(string origin)
    {
        Assert.Equal([origin], S3BucketResourcesSettings.Resolve(new S3BucketResourcesProps { CorsOrigins = [origin] }, Site).CorsOrigins);
    }

    [Theory]
    [InlineData("*", "any web site")]
    [InlineData("", "An origin is https://")]
    [InlineData("app.example.com", "An origin is https://")]
    [InlineData("https://app.example.com/", "Use \"https://app.example.com\"")]
    [InlineData("https://app.example.com/upload", "no path")]
    [InlineData("https://app.example.com?x=1", "no path, query")]
    [InlineData("https://App.Example.com", "Use \"https://app.example.com\"")]
    [InlineData("http://app.example.com", "Use \"https://app.example.com\"")]
    [InlineData("ftp://app.example.com", "An origin is https://")]
    [InlineData("https://app.example.com:0", "1 to 65535")]
    [InlineData("https://app.example.com:70000", "1 to 65535")]
    [InlineData("https://app.*.example.com", "whole first label")]
    [InlineData("https://*app.example.com", "whole first label")]
    [InlineData("https://*.com", "at least two labels")]
    [InlineData("https://app..example.com", "not a host name")]
    [InlineData("https://-app.example.com", "not a host name")]
    public void Invalid_cors_origins_are_rejected_naming_the_entry(string origin, string reason)
    {
        var error = Rejects(new S3BucketResourcesProps { CorsOrigins = ["https://ok.example.com", origin] });

        Assert.Equal("CorsOrigins[1]", error.ParamName);
        Assert.Equal(ValidationErrorCode.InvalidValue, error.Code);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_cors_origin_is_rejected()
    {
        var error = Rejects(new S3BucketResourcesProps { CorsOrigins = ["https://app.example.com", "https://app.example.com"] });

        Assert.Equal("CorsOrigins[1]", error.ParamName);
        Assert.Contains("CorsOrigins[0]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unresolved_cors_origin_is_not_checked()
    {
        string[] origins = ["https://${Token[Domain.1]}"];

        Assert.Equal(origins, S3BucketResourcesSettings.Resolve(new S3BucketResourcesProps { CorsOrigins = origins }, Site).CorsOrigins);
    }

    [Theory]
    [InlineData("static/")]
    [InlineData("public/static/")]
    [InlineData("static_v2.1-b/")]
    public void Safe_public_prefixes_are_accepted(string prefix)
    {
        Assert.Equal(prefix, S3BucketResourcesSettings.Resolve(new S3BucketResourcesProps { PublicReadPrefix = prefix }, Site).PublicReadPrefix);
    }

    [Theory]
    [InlineData("", "whole bucket")]
    [InlineData("/", "whole bucket")]
    [InlineData("*", "not a pattern")]
    [InlineData("static/*", "not a pattern")]
    [InlineData("/static/", "no leading '/'")]
    [InlineData("static", "Use \"static/\"")]
    [InlineData("static//", "empty folder name")]
    [InlineData("static/../media/", "'..' folder")]
    [InlineData("./static/", "'.' folder")]
    [InlineData("stat ic/", "characters other than")]
    [InlineData("static%2F/", "characters other than")]
    public void Unsafe_public_prefixes_are_rejected(string prefix, string reason)
    {
        var error = Rejects(new S3BucketResourcesProps { PublicReadPrefix = prefix });

        Assert.Equal(nameof(S3BucketResourcesProps.PublicReadPrefix), error.ParamName);
        Assert.Equal(ValidationErrorCode.InvalidValue, error.Code);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains("e.g. \"static/\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_key_serial_is_rejected()
    {
        var error = Rejects(new S3BucketResourcesProps { KeySerial = -1 });

        Assert.Equal(nameof(S3BucketResourcesProps.KeySerial), error.ParamName);
        Assert.Equal(ValidationErrorCode.OutOfRange, error.Code);
        Assert.Contains("'-1'", error.Message, StringComparison.Ordinal);
    }
}
