#!/bin/bash
# DjangoCdk DockerEc2: brings the application up on the instance. cfn-init runs it at first boot (its exit status is
# what cfn-signal reports, so the stack fails when the application does not come up) and again through cfn-hup after
# every deployment that changes the instance's configuration (a new image, new settings). It is idempotent.
#
# Reads /etc/djangocdk/stack.env (plain configuration and secret ARNs, written by cfn-init from the template) and
# /etc/djangocdk/django.env (the Django environment contract without its secrets). Secrets are read from Secrets
# Manager with the instance role here, and written only to root-only files on the instance.
set -euo pipefail

readonly CONFIG_DIR=/etc/djangocdk
readonly BOOT_LOG=/var/log/djangocdk-boot.log

load_config() {
  # shellcheck source=/dev/null
  . "$CONFIG_DIR/stack.env"
  : "${AWS_REGION:?}" "${STACK_DIR:?}" "${DATA_DIR:?}" "${DATA_VOLUME_ID:?}" "${LOG_GROUP:?}"
  : "${DJANGO_IMAGE:?}" "${COMPOSE_CLI_IMAGE:?}" "${SECRET_KEY_ARN:?}" "${DATABASE_SECRET_ARN:?}"
  : "${CELERY_APP:?}" "${POSTGRES_IMAGE:?}" "${REDIS_IMAGE:?}" "${CADDY_IMAGE:?}" "${POSTGRES_DB:?}" "${POSTGRES_USER:?}" "${SITE_ADDRESS:?}"
  : "${HEALTH_CHECK_PATH:?}" "${HEALTH_TIMEOUT_SECONDS:?}" "${SITE_HOST:?}" "${HOST_METRICS:?}"
}

log() { printf '%s djangocdk: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*"; }

# This run's output goes to the instance (cfn-init-cmd.log, and BOOT_LOG) and, at exit, to the log group as the
# stream boot/<time>, so a failed deployment can be read in CloudWatch without opening a session.
ship_boot_log() {
  command -v docker >/dev/null 2>&1 && [ -s "$BOOT_LOG" ] || return 0
  docker run --rm -i --log-driver awslogs --log-opt "awslogs-region=$AWS_REGION" --log-opt "awslogs-group=$LOG_GROUP" \
    --log-opt "awslogs-stream=boot/$(date -u +%Y-%m-%dT%H-%M-%SZ)" --entrypoint cat "$COMPOSE_CLI_IMAGE" <"$BOOT_LOG" >/dev/null 2>&1 || true
}

# Docker from the distribution's repository, logging every container to CloudWatch Logs (docker logs still works:
# Docker keeps a local copy). Restarted only when its configuration changed.
install_docker() {
  if ! command -v docker >/dev/null 2>&1; then
    log "installing Docker"
    dnf install -y docker
  fi
  mkdir -p /etc/docker
  local wanted
  wanted=$(printf '{\n  "log-driver": "awslogs",\n  "log-opts": {"awslogs-region": "%s", "awslogs-group": "%s", "tag": "{{.Name}}"},\n  "live-restore": true\n}\n' "$AWS_REGION" "$LOG_GROUP")
  if [ ! -f /etc/docker/daemon.json ] || [ "$(cat /etc/docker/daemon.json)" != "$wanted" ]; then
    printf '%s\n' "$wanted" >/etc/docker/daemon.json
    systemctl enable docker
    systemctl restart docker
  else
    systemctl enable --now docker
  fi
}

# The data volume (Postgres, Redis, certificates): found by its volume ID, formatted only when it holds no file
# system, and mounted by UUID so a device renamed by the kernel is still found.
mount_data_volume() {
  local device="" candidate
  for _ in $(seq 1 60); do
    for candidate in "/dev/disk/by-id/nvme-Amazon_Elastic_Block_Store_${DATA_VOLUME_ID//-/}" /dev/xvdf /dev/sdf; do
      if [ -b "$candidate" ]; then device=$(readlink -f "$candidate"); break 2; fi
    done
    sleep 2
  done
  if [ -z "$device" ]; then
    log "the data volume $DATA_VOLUME_ID is not attached"
    return 1
  fi
  if ! blkid "$device" >/dev/null 2>&1; then
    log "formatting the new data volume $DATA_VOLUME_ID ($device)"
    mkfs -t ext4 -L djangodata "$device"
  fi
  local uuid
  uuid=$(blkid -s UUID -o value "$device")
  mkdir -p "$DATA_DIR"
  if ! grep -q "UUID=$uuid" /etc/fstab; then
    printf 'UUID=%s %s ext4 defaults,nofail 0 2\n' "$uuid" "$DATA_DIR" >>/etc/fstab
  fi
  mountpoint -q "$DATA_DIR" || mount "$DATA_DIR"
  mkdir -p "$DATA_DIR/postgres" "$DATA_DIR/redis" "$DATA_DIR/caddy/data" "$DATA_DIR/caddy/config"
}

# Memory and disk use, which EC2 cannot see from outside: the CloudWatch agent from the distribution's repository
# publishes them every minute, with the configuration cfn-init wrote (the memory and disk alarms read them). With
# monitoring off (HOST_METRICS=off) an agent installed earlier is stopped.
agent_ctl=/opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl
host_metrics() {
  if [ "$HOST_METRICS" != on ]; then
    if [ -x "$agent_ctl" ]; then
      "$agent_ctl" -m ec2 -a stop >/dev/null || true
      systemctl disable amazon-cloudwatch-agent >/dev/null 2>&1 || true
    fi
    return 0
  fi
  if [ ! -x "$agent_ctl" ]; then
    log "installing the CloudWatch agent"
    dnf install -y amazon-cloudwatch-agent
  fi
  "$agent_ctl" -m ec2 -a fetch-config -s -c "file:$CONFIG_DIR/cloudwatch-agent.json" >/dev/null
  # Started again by systemd after a reboot (cfn-init runs this script only at the first boot and at deployments).
  systemctl enable amazon-cloudwatch-agent
}

secret_string() {
  aws secretsmanager get-secret-value --region "$AWS_REGION" --secret-id "$1" --query SecretString --output text
}

# The secrets of EnvironmentAliases, as NAME=value lines: SECRET_ALIASES lists them as name|secret ARN|JSON field
# (the field empty for the whole value), separated by spaces; unset when there are none.
write_secret_aliases() {
  local entry name arn field value
  for entry in ${SECRET_ALIASES:-}; do
    IFS='|' read -r name arn field <<<"$entry"
    value=$(secret_string "$arn")
    if [ -n "$field" ]; then
      value=$(printf '%s' "$value" | python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$field")
    fi
    printf '%s=%s\n' "$name" "$value"
  done
}

# The two files the compose file reads, root-only: .env (interpolation) and django.env (the containers' environment).
write_environment() {
  local secret_key database_secret database_password
  secret_key=$(secret_string "$SECRET_KEY_ARN")
  database_secret=$(secret_string "$DATABASE_SECRET_ARN")
  database_password=$(printf '%s' "$database_secret" | python3 -c 'import json, sys; print(json.load(sys.stdin)["password"])')
  umask 077
  mkdir -p "$STACK_DIR"
  {
    cat "$CONFIG_DIR/django.env"
    printf 'DJANGO_SECRET_KEY=%s\n' "$secret_key"
    printf 'POSTGRES_PASSWORD=%s\n' "$database_password"
    write_secret_aliases
  } >"$STACK_DIR/django.env.new"
  {
    printf 'DJANGO_IMAGE=%s\n' "$DJANGO_IMAGE"
    printf 'FRONTEND_IMAGE=%s\n' "${FRONTEND_IMAGE:-}"
    printf 'FRONTEND_UPSTREAM=%s\n' "${FRONTEND_UPSTREAM:-web:8000}"
    printf 'POSTGRES_IMAGE=%s\n' "$POSTGRES_IMAGE"
    printf 'REDIS_IMAGE=%s\n' "$REDIS_IMAGE"
    printf 'CADDY_IMAGE=%s\n' "$CADDY_IMAGE"
    printf 'DATA_DIR=%s\n' "$DATA_DIR"
    printf 'SITE_ADDRESS=%s\n' "$SITE_ADDRESS"
    printf 'POSTGRES_DB=%s\n' "$POSTGRES_DB"
    printf 'POSTGRES_USER=%s\n' "$POSTGRES_USER"
    printf 'POSTGRES_PASSWORD=%s\n' "$database_password"
    printf 'CELERY_APP=%s\n' "$CELERY_APP"
    printf 'COMPOSE_PROFILES=%s\n' "${COMPOSE_PROFILES:-}"
  } >"$STACK_DIR/.env.new"
  mv "$STACK_DIR/django.env.new" "$STACK_DIR/django.env"
  mv "$STACK_DIR/.env.new" "$STACK_DIR/.env"
  umask 022
}

# Compose runs from the official docker:cli image (it carries the compose plugin, which the distribution does not
# package), pinned in the template, with the project folder at the same path so bind mounts resolve on the host.
# Operators use the same wrappers: django-compose (any compose command) and django-manage (a management command).
install_wrappers() {
  cat >/usr/local/bin/django-compose <<WRAPPER
#!/bin/bash
set -euo pipefail
exec docker run --rm -v /var/run/docker.sock:/var/run/docker.sock -v "$STACK_DIR:$STACK_DIR" -v /root/.docker:/root/.docker:ro -w "$STACK_DIR" "$COMPOSE_CLI_IMAGE" compose "\$@"
WRAPPER
  cat >/usr/local/bin/django-manage <<'WRAPPER'
#!/bin/bash
# Runs a Django management command once in a new container of the web image: sudo django-manage migrate --plan
set -euo pipefail
exec /usr/local/bin/django-compose run --rm --no-deps release python manage.py "$@"
WRAPPER
  chmod 0755 /usr/local/bin/django-compose /usr/local/bin/django-manage
}

registry_login() {
  local registry
  for registry in "${DJANGO_IMAGE%%/*}" ${FRONTEND_IMAGE:+"${FRONTEND_IMAGE%%/*}"}; do
    aws ecr get-login-password --region "$AWS_REGION" | docker login --username AWS --password-stdin "$registry" >/dev/null
  done
}

# Healthy means: the web container's health check passes, and Caddy answers on port 80 (with a domain it redirects
# to HTTPS, which curl -f accepts; the certificate itself follows once the DNS record points at the Elastic IP).
wait_for_web() {
  local deadline=$((SECONDS + HEALTH_TIMEOUT_SECONDS)) status
  while [ "$SECONDS" -lt "$deadline" ]; do
    status=$(docker inspect --format '{{if .State.Health}}{{.State.Health.Status}}{{end}}' django-web-1 2>/dev/null || true)
    if [ "$status" = healthy ] &&
      curl -fsS -o /dev/null --max-time 5 -H "Host: $SITE_HOST" "http://127.0.0.1$HEALTH_CHECK_PATH"; then
      return 0
    fi
    sleep 5
  done
  return 1
}

# Every deployment of a new image pulls a new tag of the app's repositories (the CDK's asset repository), and nothing
# removed the earlier ones: after enough deployments the root volume, which holds Docker's images, filled up and the
# next pull failed. Once the new release answers, the other tags of those repositories go; an image a container still
# uses stays (Docker refuses to remove it), and an earlier release comes back from ECR if it is deployed again.
remove_previous_images() {
  local repository reference
  local -a current=("$DJANGO_IMAGE")
  if [ -n "${FRONTEND_IMAGE:-}" ]; then current+=("$FRONTEND_IMAGE"); fi
  # The CDK puts every image in one asset repository: each repository is listed once.
  for repository in $(printf '%s\n' "${current[@]%:*}" | sort -u); do
    docker image ls --format '{{.Repository}}:{{.Tag}}' "$repository" | while read -r reference; do
      case " ${current[*]} " in
        *" $reference "*) ;;
        *) if docker image rm "$reference" >/dev/null 2>&1; then log "removed the earlier image $reference"; fi ;;
      esac
    done
  done
  docker image prune --force >/dev/null
}

on_failure() {
  log "the application did not come up; the last lines of each service follow"
  /usr/local/bin/django-compose logs --no-color --tail 50 || true
}

main() {
  load_config
  : >"$BOOT_LOG"
  exec > >(tee -a "$BOOT_LOG") 2>&1
  trap ship_boot_log EXIT
  install_docker
  mount_data_volume
  # The application does not need the agent: without it only the memory and disk alarms go without data.
  host_metrics || log "the CloudWatch agent did not start: the memory and disk alarms get no data until the next deployment"
  write_environment
  install_wrappers
  trap on_failure ERR
  registry_login
  log "starting the application (release step first: migrate, collectstatic)"
  /usr/local/bin/django-compose up --detach --remove-orphans --pull missing
  if ! wait_for_web; then
    log "the web service did not answer $HEALTH_CHECK_PATH within $HEALTH_TIMEOUT_SECONDS seconds"
    on_failure
    exit 1
  fi
  log "the application is up"
  remove_previous_images || log "the earlier images could not all be removed (the application is up; 'sudo docker image ls' shows them)"
}

# Run when executed (cfn-init: bash boot.sh); when sourced, as the tests do, it only defines the functions.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then main "$@"; fi
