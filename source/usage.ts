// The --help text. Kept beside the CLI so the flags and commands are described in one place.
export const usage = `
  Usage
    $ iamtui [--profile NAME] [--region REGION] [--endpoint-url URL] [--read-only]
    $ iamtui <command> [--json] [same options]

  Commands (headless; same account model as the TUI)
    users              every user: groups, policies, console access, MFA
    user NAME          one user: groups, policies (direct and through groups), access keys, MFA devices, tags
    groups             every group: members and policies
    roles              every role: who may assume it (trusted principals in short), kind, last used
    role NAME          one role (name or ARN): trust policy with principals and conditions, attached and
                       inline policies, boundary, tags, instance profiles, last use
    profiles           profiles iamtui remembers and those in ~/.aws/config
    who-can ACTION     every user, group and role allowed ACTION (wildcards accepted), with the grant
                       paths; users reaching it by assuming a role show the role path
    can USER ACTION    Allowed / ExplicitDeny / ImplicitDeny / Conditional, with the deciding statements,
                       and the roles USER may assume that allow it (--direct: identity policies only);
                       USER may also be a role name or ARN
    add-to-group USER GROUP          add a user to a group (prints the steps and what the user gains)
    remove-from-group USER GROUP     remove a user from a group; needs --yes without a terminal
    journal            the audit journal of every write attempt (who, what, when, outcome)
                       --unfinished: plans interrupted after a request whose outcome is unknown
    journal resolve PLAN_ID --take-back   take an unfinished plan back (--dry-run to see it first)
    offboard USER      record what USER has, then revoke and delete in IAM's order; run again to resume
                       (a resume re-reads USER and needs the options it was started with)
                       (--keep-user revokes and keeps the user; needs --yes or the name typed at a terminal)
    records            offboarding records (what each offboarded user had), unfinished ones first;
                       records close RECORD stops an unfinished one being resumed (to start over)
    restore RECORD     recreate an offboarded user from its record (groups, policies, tags); a new
                       password and key are issued (--save-csv FILE or --show-secret); --skip-missing
    create-user NAME   [--path P] [--tag k=v]… [--group G]… [--console-password] [--access-key]
                       a generated password (reset at first sign-in) and/or a key: --save-csv FILE or --show-secret
    create-key USER    a new access key (IAM allows 2 per user): --save-csv FILE or --show-secret
    create-policy NAME --template T [--param k=v]… [--path P] [--description D] [--group G | --user U]
                       a customer managed policy from a template id or JSON file, optionally attached
    attach-policy (--user U | --group G | --role R) POLICY     POLICY: a name (customer or AWS managed) or an ARN
    detach-policy (--user U | --group G | --role R) POLICY     takes access away: needs --yes without a terminal
    create-group NAME  [--path P]
    put-group-policy GROUP NAME --template T [--param k=v]…     an inline policy on GROUP (T: id or JSON file)
    upload-certificate USER FILE     upload a PEM X.509 signing certificate for USER
    put-role-policy ROLE --template T [--param k=v]… [--name N]   an inline policy on ROLE (T: id or JSON file)
    delete-role-policy ROLE NAME     delete an inline policy of ROLE; needs --yes without a terminal
    remove-trust-principal ROLE PRINCIPAL   take PRINCIPAL (an ARN, account id or service) out of ROLE's trust
                       policy, shown as a JSON diff; needs --yes without a terminal

  Options
    --profile NAME        AWS profile (default: AWS_PROFILE, then the last one used in iamtui)
    --region REGION       region for signing (IAM is global; default us-east-1)
    --endpoint-url URL    IAM and STS endpoint (e.g. a local emulator); also AWS_ENDPOINT_URL[_IAM]
    --read-only           refuse every write before it is sent
    --from-file FILE      offline: open the JSON of aws iam get-account-authorization-details
                          (repeat for several pages), read-only
    --resource ARN        who-can / can: the resource (default *)
    --direct              can: answer by the principal's own policies, not through roles
    --context KEY=VALUE   can / who-can: what the request carries (repeat; a,b for multivalued keys,
                          e.g. aws:SourceIp=10.1.2.3, aws:TagKeys=env,team); resolves Conditional
    --mfa, --source-ip IP, --secure-transport   can / who-can: shortcuts for the usual context keys
    --json                machine-readable output for the commands
    --dry-run             writes: print the plan and its \`aws iam\` equivalents, change nothing
    --yes                 writes: confirm a removal without asking
    --i-know-this-locks-me-out   writes: run a change that takes away your own IAM write access (or
                          your user, or the access key you sign with); refused without it, even with --yes
    --keep-user           offboard: revoke every access but keep the user (legal hold)
    --unfinished          journal: only the plans that were interrupted
    --take-back           journal resolve: undo what the interrupted plan made
    --mark-resolved       journal resolve: close a plan you handled by hand (nothing is sent)
    --save-csv FILE       new credentials go to FILE (mode 0600, the console's CSV columns)
    --show-secret         print new credentials on stdout (otherwise they never are)
    --overwrite           --save-csv may replace an existing file
    --if-save-fails delete|show  if the CSV cannot be written once a secret exists: delete
                          the new key/password again (default) or print it once on stdout
    --group G / --user U  the user's groups (create-user, repeatable) or the policy's principal
    --role R              attach-policy / detach-policy: the role the policy goes to or leaves
    --name N              put-role-policy: the inline policy's name (default: from the template)
    --path P              IAM path for a new user, group or policy (default /)
    --tag k=v             create-user: a tag (repeatable)
    --console-password    create-user: a generated console password, reset required at first sign-in
    --access-key          create-user: an access key
    --template T          a template id (templates/) or a JSON file (template or policy document)
    --param k=v           a template parameter (repeatable)
    --description D       create-policy: the policy's description

  Exit codes
    0 success · 3 failure (one line on stderr) · 64 usage error
    can: 0 allowed · 1 denied · 2 conditional

  Keys in the TUI: ? shows them all.
`;
