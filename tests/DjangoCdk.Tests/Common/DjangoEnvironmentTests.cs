using Amazon.CDK.AWS.SecretsManager;
using DjangoCdk.Tests.TestSupport;
using Xunit;

namespace DjangoCdk.Tests.Common;

public sealed class DjangoEnvironmentTests
{
    private static DjangoEnvironment Contract()
    {
        var stack = TestStacks.New();
        ISecret Secret(string id) => new Secret(stack, id);
        return new DjangoEnvironment(new DjangoEnvironmentInputs(
            "backend.settings.production", false, "example.com", "", "", "", "", true, "/api/health-check/", "db", "5432", "django", Secret("Db"),
            "redis", Secret("Redis"), "bucket", "eu-west-1", Secret("Key")));
    }

    [Fact]
    public void Every_name_the_contract_sets_is_reserved()
    {
        var contract = Contract();
        var set = contract.Variables.Keys.Concat(contract.Secrets.Keys).Order();
        Assert.Equal(DjangoEnvironment.ReservedNames.Order(), set);
    }

    [Fact]
    public void Passwords_and_keys_are_secrets_and_nothing_else_is()
    {
        var contract = Contract();
        Assert.Equal(["DJANGO_SECRET_KEY", "POSTGRES_PASSWORD", "REDIS_PASSWORD"], contract.Secrets.Keys.Order());
        Assert.Equal("password", contract.Secrets["POSTGRES_PASSWORD"].Field);
    }

    [Fact]
    public void Debug_is_off_unless_asked_for()
    {
        Assert.Equal("0", Contract().Variables["DEBUG"]);
    }

    [Fact]
    public void A_redis_without_a_token_gets_neither_tls_nor_a_password()
    {
        // Given a Redis on a private network without AUTH (DockerEc2's compose service)
        var stack = TestStacks.New();
        ISecret Secret(string id) => new Secret(stack, id);
        var contract = new DjangoEnvironment(new DjangoEnvironmentInputs(
            "backend.settings.production", false, "example.com", "", "", "", "", true, "/api/health-check/", "postgres", "5432", "django", Secret("Db"),
            "redis", null, "bucket", "eu-west-1", Secret("Key")));
        // Then REDIS_TLS is 0 and no REDIS_PASSWORD is injected
        Assert.Equal("0", contract.Variables["REDIS_TLS"]);
        Assert.False(contract.Secrets.ContainsKey("REDIS_PASSWORD"));
    }
}
