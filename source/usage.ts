// The --help text. Kept beside the CLI so the flags and commands are described in one place.
export const usage = `
  Usage
    $ iamtui [--profile NAME] [--region REGION] [--endpoint-url URL] [--read-only]
    $ iamtui <command> [--json] [same options]

  Commands (headless; same account model as the TUI)
    users              every user: groups, policies, console access, MFA
    user NAME          one user: groups, policies (direct and through groups), access keys, MFA devices, tags
    groups             every group: members and policies
    profiles           profiles iamtui remembers and those in ~/.aws/config
    who-can ACTION     every user and group allowed ACTION (wildcards accepted), with the grant paths
    can USER ACTION    Allowed / ExplicitDeny / ImplicitDeny / Conditional, with the deciding statements
    add-to-group USER GROUP          add a user to a group (prints the steps and what the user gains)
    remove-from-group USER GROUP     remove a user from a group; needs --yes without a terminal
    journal            the audit journal of every write attempt (who, what, when, outcome)

  Options
    --profile NAME        AWS profile (default: AWS_PROFILE, then the last one used in iamtui)
    --region REGION       region for signing (IAM is global; default us-east-1)
    --endpoint-url URL    IAM and STS endpoint (e.g. a local emulator); also AWS_ENDPOINT_URL[_IAM]
    --read-only           refuse every write before it is sent
    --from-file FILE      offline: open the JSON of aws iam get-account-authorization-details
                          (repeat for several pages), read-only
    --resource ARN        who-can / can: the resource (default *)
    --json                machine-readable output for the commands
    --dry-run             writes: print the plan and its \`aws iam\` equivalents, change nothing
    --yes                 writes: confirm a removal without asking

  Exit codes
    0 success · 3 failure (one line on stderr) · 64 usage error
    can: 0 allowed · 1 denied · 2 conditional

  Keys in the TUI: ? shows them all.
`;
