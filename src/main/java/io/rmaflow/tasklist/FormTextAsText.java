package io.rmaflow.tasklist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rmaflow.process.RmaProcess;
import io.rmaflow.support.FormTask;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Customer text, and any other text a form only shows, reaches the form as text. A Camunda
 * Form's text view puts variables into Markdown, which the browser renders as HTML: a city of
 * {@code Shanghai<script>} would become markup and hide the rest of the case summary. The
 * values a form shows but does not take are therefore escaped for Markdown on their way to the
 * form ({@code GET .../task/{id}/form-variables}, through either REST door), so they render
 * exactly as typed. The form's own input fields get their values unchanged.
 */
class FormTextAsText extends OncePerRequestFilter {

  private static final Pattern FORM_VARIABLES = Pattern.compile(".*/task/([^/]+)/form-variables$");
  private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
  /** Markdown the application writes itself, with the text it quotes escaped already ({@link TaskListing}). */
  static final Set<String> PREPARED_MARKDOWN = Set.of(RmaProcess.Variables.CASE_HISTORY.name(),
      RmaProcess.Variables.CASE_DOCUMENTS.name());

  private final TaskService taskService;
  private final FormTasks tasks;
  private final FormRules rules;
  private final ObjectMapper json;

  FormTextAsText(TaskService taskService, FormTasks tasks, FormRules rules, ObjectMapper json) {
    this.taskService = taskService;
    this.tasks = tasks;
    this.rules = rules;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod()) || !FORM_VARIABLES.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, answer);
    Matcher path = FORM_VARIABLES.matcher(request.getRequestURI());
    if (answer.getStatus() == 200 && path.matches()) {
      byte[] escaped = escaped(path.group(1), answer.getContentAsByteArray());
      answer.resetBuffer();
      answer.getOutputStream().write(escaped);
    }
    answer.copyBodyToResponse();
  }

  private byte[] escaped(String taskId, byte[] body) throws IOException {
    // The engine answered 200, so the caller may read this task; the filter runs outside the caller's engine login.
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    FormTask formTask = task == null ? null : tasks.byId(task.getTaskDefinitionKey()).orElse(null);
    JsonNode variables = json.readTree(body);
    if (formTask == null || !(variables instanceof ObjectNode)) {
      return body;
    }
    Set<String> inputs = rules.inputKeys(formTask);
    for (Iterator<Map.Entry<String, JsonNode>> entries = variables.fields(); entries.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = entries.next();
      JsonNode value = entry.getValue();
      if (!inputs.contains(entry.getKey()) && !PREPARED_MARKDOWN.contains(entry.getKey()) && value instanceof ObjectNode variable
          && "String".equals(variable.path("type").asText()) && variable.path("value").isTextual()) {
        variable.put("value", markdownText(variable.path("value").asText()));
      }
    }
    return json.writeValueAsBytes(variables);
  }

  /**
   * The text as Markdown that renders to exactly that text. Every ASCII punctuation mark becomes a
   * numeric character reference: CommonMark decodes references to plain text and never reads
   * structure from them, so no heading, list, emphasis, link, autolink or HTML can arise, and
   * unlike backslash escapes they leave nothing behind where a renderer links URLs in the raw
   * text. Indentation is dropped, as four spaces would make a code block, where references stay
   * undecoded.
   */
  static String markdownText(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    boolean lineStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (lineStart && (c == ' ' || c == '\t')) {
        continue;
      }
      lineStart = c == '\n';
      if (c < 128 && PUNCTUATION.indexOf(c) >= 0) {
        escaped.append("&#").append((int) c).append(';');
      } else {
        escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
